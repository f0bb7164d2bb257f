{window.kioskScript = document.currentScript;
const kiosk = window.kiosk ??= {touched: Date.now(), armed: false, warning: null, cleared: 0};
const unwarn = () => {kiosk.warning?.remove(); kiosk.warning = null;};
const warn = said => {
const box = document.createElement('div');
box.className = 'kiosk-warning';
box.lang = document.documentElement.lang;
box.setAttribute('role', 'alertdialog');
box.setAttribute('aria-modal', 'true');
box.setAttribute('aria-labelledby', 'kiosk-warning-title');
box.setAttribute('aria-describedby', 'kiosk-warning-text');
const title = document.createElement('h2');
title.id = 'kiosk-warning-title';
title.textContent = said.stillThere;
const text = document.createElement('p');
text.id = 'kiosk-warning-text';
text.textContent = said.clearingSoon;
const stay = document.createElement('button');
stay.type = 'button';
stay.textContent = said.continue;
const inner = document.createElement('div');
inner.append(title, text, stay);
box.append(inner);
document.body.append(box);
kiosk.warning = box;
stay.focus();};
const startAgain = said => {
kiosk.armed = false;
unwarn();
window.speechSynthesis?.cancel();
const app = document.querySelector('[data-testid="stApp"]');
const button = document.querySelector('.st-key-kiosk-reset button');
if (button && app?.dataset.testConnectionState === 'CONNECTED') {button.click(); kiosk.cleared = Date.now();}
else location.replace(said.start);};
if (!kiosk.watching) {kiosk.watching = true;
const touch = () => {kiosk.touched = Date.now(); kiosk.armed = true; unwarn();};
for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
 document.addEventListener(type, touch, {capture: true, passive: true});
setInterval(() => {
const script = window.kioskScript;
if (!script.isConnected) return unwarn();
const said = script.dataset;
const idle = Date.now() - kiosk.touched;
if (Date.now() - kiosk.cleared < 3000) document.querySelector('.stMain')?.scrollTo(0, 0);
if (!kiosk.armed) return;
if (idle >= Number(said.idleMs) + Number(said.warningMs)) startAgain(said);
else if (idle >= Number(said.idleMs) && !kiosk.warning) warn(said);
}, 250);}}
