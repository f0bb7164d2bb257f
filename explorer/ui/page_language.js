{const page = document.currentScript.dataset;
document.documentElement.lang = page.lang;
window.pageWords = page;
window.frontendWords = JSON.parse(page.frontend || '{}');
const mark = text => {let hash = 0x811c9dc5;
for (const byte of new TextEncoder().encode(text.split(/\s+/).join(' ').trim()))
 hash = Math.imul(hash ^ byte, 0x01000193);
return (hash >>> 0).toString(16).padStart(8, '0');};
const inPage = (words, text) => {if (Object.hasOwn(words, text)) return words[text];
const cut = text.indexOf(': ');
if (cut > 0 && Object.hasOwn(words, text.slice(0, cut))) return words[text.slice(0, cut)] + text.slice(cut);
for (const [english, own] of Object.entries(words))
 if (english.endsWith(' ') && text.startsWith(english)) return own + text.slice(english.length);
return null;};
window.markPublished ??= new MutationObserver(() => {
const now = window.pageWords;
const frontend = window.frontendWords;
if (Object.keys(frontend).length) {
for (const name of ['aria-label', 'aria-roledescription', 'placeholder'])
 for (const part of document.querySelectorAll(`[${name}]`)) {
 const said = inPage(frontend, part.getAttribute(name));
 if (said) part.setAttribute(name, said);}
const shown = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (shown.nextNode()) {const said = inPage(frontend, shown.currentNode.nodeValue.trim());
 if (said) shown.currentNode.nodeValue = said;}}
for (const part of document.querySelectorAll('[class*="st-key-published-"]:not([lang])'))
 part.lang = now.published;
const english = new Set(now.english.split(' ').filter(Boolean));
for (const part of document.querySelectorAll('[data-in-english]'))
 if (!english.has(mark(part.textContent))) {part.removeAttribute('lang');
 part.removeAttribute('data-in-english');}
if (!english.size) return;
const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (texts.nextNode()) {const holder = texts.currentNode.parentElement;
if (holder && !holder.lang && english.has(mark(holder.textContent)))
 {holder.lang = now.published; holder.dataset.inEnglish = '';}}
});
window.markPublished.observe(document.body,
 {childList: true, subtree: true, characterData: true,
 attributes: true, attributeFilter: ['aria-label', 'aria-roledescription', 'placeholder']});}
