{window.listenWords = document.currentScript.dataset;
if (!window.readAloud) {
const aloud = window.readAloud = {button: null, turn: 0};
const say = (button, key) => {button.textContent = window.listenWords[key];};
const stop = () => {
aloud.turn += 1;
if (aloud.button) say(aloud.button, 'listen');
aloud.button = null;
window.speechSynthesis?.cancel();};
const base = lang => (lang || '').toLowerCase().replace('_', '-').split('-')[0];
const languageOf = element => {
const marked = element.querySelector('[lang]');
const whole = marked && marked.innerText.trim() === element.innerText.trim();
return base((whole ? marked : element.closest('[lang]') || document.documentElement).lang);};
const parts = button => {
const block = button.closest('[class*="st-key-listen-"]');
const found = [];
for (const element of block.querySelectorAll('[data-testid="stElementContainer"]')) {
if (element.querySelector('[data-testid="stElementContainer"], .listen-button')) continue;
if (!element.checkVisibility()) continue;
if (element.closest('[class*="st-key-listen-"]') !== block) continue;
const table = element.querySelector('table');
if (!table) {found.push({text: element.innerText, lang: languageOf(element)}); continue;}
const rows = [...table.rows].map(row => [...row.cells]);
const columns = Math.max(0, ...rows.map(row => row.length));
for (let column = 0; column < columns; column++)
 for (const row of rows) if (row[column]) found.push({text: row[column].innerText, lang: languageOf(row[column])});}
return found.flatMap(part => part.text.split(/\n+|(?<=[.!?])\s+/)
 .map(text => text.trim()).filter(Boolean).map(text => ({text, lang: part.lang})));};
const voices = () => new Promise(resolve => {
const speech = window.speechSynthesis;
if (!speech || !window.SpeechSynthesisUtterance) return resolve([]);
if (speech.getVoices().length) return resolve(speech.getVoices());
const found = () => resolve(speech.getVoices());
speech.addEventListener('voiceschanged', found, {once: true});
setTimeout(found, 1000);});
const voiceFor = (all, lang) => {
const local = all.filter(voice => voice.localService && base(voice.lang) === lang);
return local.find(voice => voice.default) || local[0];};
const press = async button => {
if (aloud.button === button) return stop();
stop();
const turn = aloud.turn;
const all = await voices();
if (turn !== aloud.turn) return;
const pageVoice = voiceFor(all, base(document.documentElement.lang));
if (!pageVoice) return say(button, 'noVoice');
const lines = parts(button);
if (!lines.length) return;
aloud.button = button;
say(button, 'stop');
try {lines.forEach((line, index) => {
const voice = voiceFor(all, line.lang) || pageVoice;
const utterance = new SpeechSynthesisUtterance(line.text);
utterance.voice = voice;
utterance.lang = voice.lang;
utterance.onstart = () => {if (turn === aloud.turn && !button.isConnected) stop();};
if (index === lines.length - 1)
 utterance.onend = utterance.onerror = () => {if (turn === aloud.turn) stop();};
window.speechSynthesis.speak(utterance);});} catch {stop();}};
document.addEventListener('click', event => {
const button = event.target.closest?.('.listen-button');
if (button) press(button);});}}
