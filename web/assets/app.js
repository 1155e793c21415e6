// 台账工作台: the few behaviours a page needs (sort, filter, copy, uploads with progress, forms sent as JSON).
// No framework and nothing from a CDN: the 工作台 works offline on an office PC.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};

// --- Round picker, print, back, copy ---------------------------------------------------------------------------
for (const select of $$('select[data-autosubmit]')) select.addEventListener('change', () => select.form.submit());
for (const b of $$('[data-print]')) b.addEventListener('click', () => window.print());
for (const b of $$('[data-back]')) b.addEventListener('click', () => history.back());
for (const b of $$('[data-copy]')) {
  b.addEventListener('click', async () => {
    const area = document.getElementById(b.dataset.copy);
    area.select();
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      document.execCommand('copy');
    }
    const done = b.parentElement.querySelector('.copied');
    if (done) done.hidden = false;
  });
}

// --- Sortable tables ---------------------------------------------------------------------------------------------
for (const th of $$('table.sortable th[data-sort]')) {
  th.addEventListener('click', () => {
    const table = th.closest('table');
    const index = [...th.parentElement.children].indexOf(th);
    const numeric = th.dataset.sort === 'num';
    const asc = !th.classList.contains('asc');
    for (const h of $$('th', table)) h.classList.remove('asc', 'desc');
    th.classList.add(asc ? 'asc' : 'desc');
    const body = table.tBodies[0];
    const key = (row) => row.children[index].textContent.trim();
    const rows = [...body.rows].sort((a, b) => {
      const x = key(a), y = key(b);
      const d = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y, 'zh-CN');
      return asc ? d : -d;
    });
    body.append(...rows);
  });
}

// --- Filters: by state (the count buttons) and by text ------------------------------------------------------------
let stateFilter = '';
function applyFilters(table) {
  const text = ($(`[data-filter-text="${table.id}"]`) || $('[data-filter-text=""]') || { value: '' }).value.trim();
  const onlyDoubtful = !!$(`[data-filter-doubtful="${table.id}"]`)?.checked;
  for (const row of table.tBodies[0].rows) {
    const okState = !stateFilter || row.dataset.state === stateFilter;
    const inputs = $$('input, textarea', row).map((i) => i.value).join(' ');
    const okText = !text || (row.dataset.unit || `${row.textContent} ${inputs}`).includes(text);
    const okDoubt = !onlyDoubtful || row.classList.contains('doubtful');
    row.hidden = !(okState && okText && okDoubt);
  }
}
for (const input of $$('[data-filter-text]')) {
  const table = input.dataset.filterText ? document.getElementById(input.dataset.filterText) : $('#board');
  if (table) input.addEventListener('input', () => applyFilters(table));
}
for (const box of $$('[data-filter-doubtful]')) {
  const table = document.getElementById(box.dataset.filterDoubtful);
  if (table) box.addEventListener('change', () => applyFilters(table));
}
for (const b of $$('[data-filter-state]')) {
  b.addEventListener('click', () => {
    stateFilter = stateFilter === b.dataset.filterState ? '' : b.dataset.filterState;
    for (const x of $$('[data-filter-state]')) x.classList.toggle('active', stateFilter !== '' && x.dataset.filterState === stateFilter);
    applyFilters($('#board'));
  });
}

// --- Ordinary forms that take a while (plan upload) -------------------------------------------------------------
for (const form of $$('form[data-busy]')) {
  form.addEventListener('submit', () => {
    const button = $('button', form);
    button.disabled = true;
    button.textContent = form.dataset.busy;
  });
}

// --- Forms sent as JSON: create a round (streamed progress), render reports --------------------------------------
function formJson(form) {
  const data = {};
  for (const input of $$('input, select, textarea', form)) {
    if (!input.name) continue;
    if (input.type === 'checkbox') {
      if (input.name === 'templates') {
        (data.templates ||= []);
        if (input.checked) data.templates.push(input.value);
      } else data[input.name] = input.checked;
    } else if (input.name.startsWith('settings.')) {
      (data.settings ||= {})[input.name.slice(9)] = input.value;
    } else data[input.name] = input.value;
  }
  return data;
}

/** Reads an answer of one JSON object per line as it arrives. */
async function readLines(response, onLine) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (line.trim()) onLine(JSON.parse(line));
    }
    if (done) break;
  }
}

function showError(box, o) {
  box.replaceChildren(el('p', { class: 'error' }, o.internal ? o.error : `操作未完成：${o.error}`), ...(o.hint ? [el('p', {}, `处理办法：${o.hint}`)] : []));
}

// A job's id is kept for this page until its stream ends: after a reload the page follows the same job again.
const JOB_KEY = `taizhang-job:${location.pathname}`;
const keepJob = (o, key = JOB_KEY) => o.job && sessionStorage.setItem(key, o.job);
const forgetJob = (key = JOB_KEY) => sessionStorage.removeItem(key);
/** Follows the job this page (or one of its forms, by `key`) started before it was reloaded, if any. */
async function resumeJob(onLine, onEnd, key = JOB_KEY) {
  const id = sessionStorage.getItem(key);
  if (!id) return;
  const response = await fetch(`/api/jobs/${encodeURIComponent(id)}`);
  if (!response.ok) {
    forgetJob(key);
    return;
  }
  await readLines(response, onLine);
  forgetJob(key);
  onEnd?.();
}

function roundLine(box, bar, o) {
  if (o.progress && bar) {
    bar.hidden = false;
    bar.max = o.progress.total;
    bar.value = o.progress.done;
    box.replaceChildren(el('p', {}, `已生成 ${o.progress.done} / ${o.progress.total} 个调度表……`));
  } else if (o.error) showError(box, o);
  else if (o.done) roundDone(box, o.done);
}

for (const form of $$('form[data-api]')) {
  const box = form.parentElement.querySelector('.result');
  const bar = form.parentElement.querySelector('progress');
  if (form.dataset.stream !== undefined) {
    resumeJob((o) => (o.job ? box.replaceChildren(el('p', {}, '正在继续显示页面刷新前开始的操作……')) : roundLine(box, bar, o)), () => bar && (bar.hidden = true));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('button:not([type=button])', form);
    button.disabled = true;
    box.replaceChildren(el('p', {}, '正在处理，请稍候……'));
    try {
      const response = await fetch(form.dataset.api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(formJson(form)) });
      if (form.dataset.stream !== undefined && response.ok) {
        await readLines(response, (o) => (o.job ? keepJob(o) : roundLine(box, bar, o)));
        forgetJob();
      } else {
        const o = await response.json();
        if (!response.ok || o.error) showError(box, o);
        else reportsDone(box, o);
      }
    } catch (e) {
      showError(box, { error: `与工作台的连接中断（${e.message}）。请确认工作台仍在运行。` });
    } finally {
      button.disabled = false;
    }
  });
}

function roundDone(box, d) {
  box.replaceChildren(
    el('p', { class: 'o-accepted' }, `${d.label}调度表已生成：${d.files} 个单位，报送截止 ${d.deadline}。`),
    el('p', {}, el('a', { class: 'button', href: `/rounds/${encodeURIComponent(d.round)}/issued.zip` }, '下载全部调度表（zip）'), ' ', el('a', { href: `/rounds?round=${encodeURIComponent(d.round)}` }, '刷新轮次列表')),
    ...(d.unassigned.length ? [el('p', { class: 'hint' }, `以下 ${d.unassigned.length} 个条目没有明确的责任单位，未下发：${d.unassigned.join('；')}`)] : []),
  );
}

function reportsDone(box, r) {
  box.replaceChildren(
    el('p', { class: 'o-accepted' }, '报告已生成：'),
    el('ul', {}, ...r.files.map((f) => el('li', {}, el('a', { href: `/download/${f.id}` }, f.name)))),
    ...r.missing.map((m) => el('p', { class: 'hint' }, `《${m.document}》中以下数据没有来源，已标注为【待填：…】，请补充后定稿：${m.figures.join('、')}`)),
    ...(r.warnings || []).map((w) => el('p', { class: 'hint' }, `注意：${w}`)),
  );
}

// --- Collect: drop or pick files and folders; each file's outcome as it is processed -----------------------------
const drop = $('[data-drop]');
if (drop) {
  const card = drop.parentElement;
  const bar = $('progress', card);
  const tally = $('.tally', card);
  const table = $('table.outcomes', card);
  const counts = {};
  const WORDS = { accepted: '已收取', returned: '退回重报', refused: '未收取', unusable: '无法读取', duplicate: '重复文件', stale: '旧版本', skipped: '已跳过', rebuilt: '补写退回材料' };
  const describe = (o) => {
    if (o.kind === 'accepted') return `${o.unit}：已收取 ${o.rows} 条${o.warnings ? `（提示 ${o.warnings} 条）` : ''}${o.superseded ? '，取代此前的报送' : ''}`;
    if (o.kind === 'returned') return el('div', {}, `${o.unit}：${o.problems.length} 处问题，已退回重报`, el('ul', {}, ...o.problems.map((p) => el('li', {}, `${p.sheet} ${p.cell}：${p.message}`))), el('a', { href: `/download/${o.returnWorkbookId}` }, '下载退回重报表'), ' · ', el('a', { href: `/download/${o.receiptId}` }, '下载回执'));
    if (o.kind === 'rebuilt') return el('div', {}, `${o.unit}：补写了上次中断时未写出的退回重报表和回执 `, el('a', { href: `/download/${o.returnWorkbookId}` }, '下载'));
    if (o.kind === 'duplicate') return o.refused ? `此文件此前已收到但未收取，原因：${o.refused.reason}` : `与此前收到的文件完全相同${o.unit ? `（${o.unit}）` : ''}，未重复登记`;
    if (o.kind === 'stale') return `${o.unit}：早于已收取的报送，未采用`;
    return o.reason;
  };
  const collectLine = (o) => {
    if (o.job) return keepJob(o);
    if (o.error) {
      table.tBodies[0].append(el('tr', {}, el('td', { colspan: 3, class: 'error' }, o.error)));
      return;
    }
    counts[o.outcome.kind] = (counts[o.outcome.kind] || 0) + 1;
    table.tBodies[0].append(el('tr', { class: `o-${o.outcome.kind}` }, el('td', {}, o.file), el('td', {}, WORDS[o.outcome.kind] || o.outcome.kind), el('td', {}, describe(o.outcome))));
    tally.textContent = Object.entries(counts).map(([k, n]) => `${WORDS[k] || k} ${n}`).join('，');
  };
  // A reload while files were being checked: the check went on; its outcomes are shown again, and the rest as they come.
  resumeJob(
    (o) => {
      table.hidden = false;
      if (o.job) tally.textContent = '正在继续显示页面刷新前上传的文件的校验结果……';
      else collectLine(o);
    },
    () => (tally.textContent = `处理完毕：${tally.textContent}。`),
  );
  const upload = (files) => {
    if (!files.length) return;
    const form = new FormData();
    // Each file's own time goes just before it: a unit is on time when its file was, not when it was uploaded.
    for (const f of files) {
      form.append('lastModified', String(f.lastModified));
      form.append('files', f, f.webkitRelativePath || f.name);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', drop.dataset.api);
    bar.hidden = false;
    bar.max = 1;
    bar.value = 0;
    table.hidden = false;
    tally.textContent = `正在上传 ${files.length} 个文件……`;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) (bar.max = e.total), (bar.value = e.loaded);
    };
    xhr.upload.onload = () => (tally.textContent = `上传完成，正在逐个校验 ${files.length} 个文件……`);
    let seen = 0;
    const consume = () => {
      const lines = xhr.responseText.split('\n');
      for (; seen < lines.length - 1; seen++) if (lines[seen].trim()) collectLine(JSON.parse(lines[seen]));
    };
    xhr.onprogress = consume;
    xhr.onload = () => {
      consume();
      bar.hidden = true;
      if (xhr.status !== 200) {
        let o = {};
        try { o = JSON.parse(xhr.responseText); } catch {}
        tally.textContent = `上传未完成：${o.error || xhr.statusText}`;
      } else tally.textContent = `处理完毕：${tally.textContent}。`;
      forgetJob();
    };
    xhr.onerror = () => (tally.textContent = '与工作台的连接中断，请确认工作台仍在运行后重试（已收取的不会重复登记）。');
    xhr.send(form);
  };
  for (const input of $$('[data-pick]', drop)) input.addEventListener('change', () => upload([...input.files]));
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    upload([...e.dataTransfer.files]);
  });
}

// --- Plan review grid: the 任务分解表's sheets, edited in place and checked by the server as `plan import` checks ---
const review = $('section.review');
if (review) {
  const result = $('.result', review);
  const dirty = $('.dirty', review);
  let changed = false;
  const markDirty = () => {
    changed = true;
    dirty.hidden = false;
  };
  // Only a cell's edit is a change: the search box and the 待核对 filter above the grid are not.
  review.addEventListener('input', (e) => {
    if (e.target.closest('table.review-grid')) markDirty();
  });
  window.addEventListener('beforeunload', (e) => {
    if (changed) e.preventDefault();
  });
  const showTab = (index) => {
    for (const b of $$('[data-tab]', review)) b.classList.toggle('active', b.dataset.tab === String(index));
    for (const p of $$('[data-panel]', review)) p.hidden = p.dataset.panel !== String(index);
  };
  for (const b of $$('[data-tab]', review)) b.addEventListener('click', () => showTab(b.dataset.tab));
  // A deleted row keeps its place (and so every later row its number, as the messages name rows): it is emptied and hidden.
  review.addEventListener('click', (e) => {
    const remove = e.target.closest('[data-remove-row]');
    if (remove) {
      const row = remove.closest('tr');
      for (const input of $$('input, textarea', row)) input.value = '';
      for (const td of $$('td[data-value]', row)) td.dataset.value = '';
      row.hidden = true;
      row.dataset.removed = '';
      markDirty();
    }
    const add = e.target.closest('[data-add-row]');
    if (add) {
      const panel = add.closest('[data-panel]');
      const body = $('tbody', panel);
      const n = Math.max(1, ...[...body.rows].map((r) => Number(r.dataset.n))) + 1;
      const row = el('tr', { 'data-n': n }, el('td', { class: 'rn' }, n));
      row.append($('template[data-blank]', panel).content.cloneNode(true));
      body.append(row);
      $('input, textarea', row)?.focus();
      markDirty();
    }
  });
  const sheetsOf = () => {
    const sheets = {};
    for (const table of $$('table.review-grid', review)) {
      const rows = [];
      for (const tr of table.tBodies[0].rows) {
        const cells = $$('td:not(.rn)', tr).filter((td) => td.matches('.edit, [data-value]')).map((td) => (td.classList.contains('edit') ? $('input, textarea', td).value : td.dataset.value));
        rows[Number(tr.dataset.n) - 2] = cells;
      }
      sheets[table.dataset.sheet] = Array.from(rows, (r) => r || []);
    }
    return sheets;
  };
  const cellOf = (sheet, ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    const table = $$('table.review-grid', review).find((t) => t.dataset.sheet === sheet);
    if (!m || !table) return null;
    const row = $(`tr[data-n="${m[2]}"]`, table);
    return row ? $$('td:not(.rn)', row)[m[1].charCodeAt(0) - 65] || null : null;
  };
  const button = $('[data-save-review]', review);
  button.addEventListener('click', async () => {
    for (const td of $$('td.bad', review)) td.classList.remove('bad'), td.removeAttribute('title');
    button.disabled = true;
    result.replaceChildren(el('p', {}, '正在核对……'));
    try {
      const response = await fetch(button.dataset.saveReview, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheets: sheetsOf() }) });
      const o = await response.json();
      if (o.problems) {
        const items = o.problems.map((p) => {
          const td = cellOf(p.sheet, p.cell);
          if (td) td.classList.add('bad'), (td.title = p.message);
          const item = el('li', {}, `${p.sheet} › ${p.cell}：${p.message}`);
          if (td) {
            item.classList.add('link');
            item.addEventListener('click', () => {
              showTab($$('table.review-grid', review).indexOf(td.closest('table')));
              ($('input, textarea', td) || td).focus();
              td.scrollIntoView({ block: 'center' });
            });
          }
          return item;
        });
        result.replaceChildren(el('p', { class: 'error' }, o.error), el('ul', { class: 'problems' }, ...items), el('p', {}, o.hint));
        result.scrollIntoView({ block: 'nearest' });
      } else if (!response.ok || o.error) showError(result, o);
      else if (!o.saved) {
        changed = false;
        dirty.hidden = true;
        result.replaceChildren(el('p', {}, '没有修改，无需保存。'));
      } else {
        changed = false;
        // The page is shown again from the saved plan, with what changed.
        location.reload();
      }
    } catch (e) {
      showError(result, { error: `与工作台的连接中断（${e.message}）。请确认工作台仍在运行。` });
    } finally {
      button.disabled = false;
    }
  });
}

// --- Mail: 邮件下发, 从邮箱收取, 邮件催报 — each a job whose units or messages are listed as they come -------------
// Everything from mail (senders, subjects, file names) is put in as text, never as markup.
const MAIL_WORDS = { sent: '已发送', 'dry-run': '将发送', already: '此前已发', 'no-address': '没有邮箱', 'no-file': '没有调度表', failed: '发送失败' };
const LEFT_WORDS = { automatic: '自动回复或退信，未处理', own: '本机关发出的邮件，未处理', 'no-attachment': '没有附件，未处理', 'too-large': '邮件过大，未处理', 'other-round': '早于本轮，未处理' };
const FILE_WORDS = { accepted: '已收取', returned: '退回重报', stale: '旧版本，仅存档', duplicate: '此前已收到', refused: '未收取' };
const REPLY_WORDS = { sent: '已回复', none: '不回复', failed: '回复失败', uncertain: '回复情况不明' };

function mailUnitRow(r) {
  return el('tr', { class: `o-${r.outcome}`, 'data-unit': r.unit }, el('td', {}, r.unit), el('td', {}, MAIL_WORDS[r.outcome] || r.outcome), el('td', {}, r.addresses.join('、')), el('td', {}, r.detail || '—'));
}

function mailMessageRow(m) {
  const files = m.kind === 'submission'
    ? el('ul', {}, ...m.files.map((f) => el('li', { class: `o-${f.kind}` }, `${f.name}：${f.unit ? `${f.unit} ` : ''}${FILE_WORDS[f.kind] || f.kind}${f.rows ? ` ${f.rows} 条` : ''}${f.problems?.length ? `（${f.problems.length} 处问题）` : ''}${f.reason ? `：${f.reason}` : ''}`)))
    : m.note || LEFT_WORDS[m.kind] || m.kind;
  return el('tr', { class: `k-${m.kind}` }, el('td', {}, m.sender), el('td', {}, m.subject), el('td', {}, m.receivedAt), el('td', {}, files), el('td', {}, m.replyDetail || REPLY_WORDS[m.reply] || m.reply));
}

function mailSummary(d, dryRun, collect) {
  const n = (k) => d[k] || 0;
  if (collect) return `收取完毕：处理报送邮件 ${n('submission')} 封，其他邮件 ${n('left')} 封未处理（见上表）。`;
  const missing = n('no-address') + n('no-file') + n('failed');
  if (dryRun) return `预览：将发送 ${n('dry-run')} 封，此前已发 ${n('already')} 个单位，无法发送 ${missing} 个单位。未发送任何邮件。`;
  return `已发送 ${n('sent')} 封，此前已发 ${n('already')} 个单位，未能发送 ${missing} 个单位。`;
}

for (const form of $$('form[data-mail-api]')) {
  const card = form.closest('.card');
  const box = $('.result', card);
  const tally = $('.tally', card);
  const table = $('table.mail-results, table.mail-messages', card);
  // Each mail form's job is kept apart from the page's other jobs: after a reload its results are shown again.
  const key = `${JOB_KEY}:${form.dataset.mailApi}`;
  const onLine = (o) => {
    if (o.job) keepJob(o, key);
    else if (o.unit || o.message) {
      table.hidden = false;
      table.tBodies[0].append(o.unit ? mailUnitRow(o.unit) : mailMessageRow(o.message));
      tally.textContent = `已处理 ${table.tBodies[0].rows.length} ${o.unit ? '个单位' : '封邮件'}……`;
    } else if (o.error) {
      tally.textContent = '';
      showError(box, o);
    } else if (o.done) tally.textContent = mailSummary(o.done, o.dryRun, !!table.classList.contains('mail-messages'));
  };
  if (sessionStorage.getItem(key)) {
    tally.textContent = '正在继续显示页面刷新前开始的邮件操作……';
    resumeJob(onLine, undefined, key);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const dryRun = event.submitter?.dataset.dry !== undefined;
    const buttons = $$('button', form);
    for (const b of buttons) b.disabled = true;
    box.replaceChildren();
    table.tBodies[0].replaceChildren();
    table.hidden = true;
    tally.textContent = dryRun ? '正在列出……' : '正在连接邮件服务器……';
    try {
      const response = await fetch(form.dataset.mailApi, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...formJson(form), dryRun }) });
      if (!response.ok) {
        tally.textContent = '';
        showError(box, await response.json());
        return;
      }
      await readLines(response, onLine);
      forgetJob(key);
    } catch (e) {
      showError(box, { error: `与工作台的连接中断（${e.message}）。请确认工作台仍在运行。` });
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
}

// --- Small forms saved as JSON (设置), a unit's contacts saved in place, contact updates accepted (名录) ----------
async function postJson(url, data) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
  const o = await response.json();
  return response.ok && !o.error ? o : Promise.reject(o);
}

for (const form of $$('form[data-json-api]')) {
  const box = form.parentElement.querySelector('.result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await postJson(form.dataset.jsonApi, formJson(form));
      for (const p of $$('input[type=password]', form)) p.value = '';
      box.replaceChildren(el('p', { class: 'o-accepted' }, form.dataset.done));
    } catch (o) {
      showError(box, o.error ? o : { error: `与工作台的连接中断（${o.message}）。` });
    }
  });
}

for (const b of $$('[data-save-unit]')) {
  b.addEventListener('click', async () => {
    const row = b.closest('tr');
    const saved = $('.saved', row);
    const data = Object.fromEntries($$('input', row).map((i) => [i.name, i.value]));
    try {
      await postJson(`/api/registry/units/${encodeURIComponent(row.dataset.unit)}`, data);
      saved.className = 'saved o-accepted';
      saved.textContent = '已保存';
    } catch (o) {
      saved.className = 'saved error';
      saved.textContent = o.error ? `${o.error}${o.hint ? ` ${o.hint}` : ''}` : '保存失败';
    }
  });
}

const accept = $('[data-accept-offers]');
if (accept) {
  accept.addEventListener('click', async () => {
    const card = accept.closest('.card');
    const units = $$('input[name=units]:checked', card).map((i) => i.value);
    try {
      await postJson('/api/registry/offers', { units });
      location.reload();
    } catch (o) {
      showError($('.result', card), o);
    }
  });
}
