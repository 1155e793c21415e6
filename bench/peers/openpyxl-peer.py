#!/usr/bin/python3
"""openpyxl peer: what a government IT person would write instead of taizhang.

Copied from ../shared/peers and brought to taizhang's 14-column layout (完成值单位 in I, inputs in J-N), so that it
keeps doing the same work as taizhang (see bench/peers/README.md).

  python3 peer.py generate <plan.json> <outdir>    (reads assign.json beside plan.json)
  python3 peer.py collect <dir> <db.sqlite>        (reads plan.json/assign.json from $PERF_DATA or <dir>/..)

generate: per unit, an openpyxl Workbook with a guide sheet, the tracking sheet (styled, locked plan cells,
          unlocked input cells, list validation on 完成状态, decimal validation on 完成值, sheet protection,
          frozen header, print setup) and a hidden metadata sheet; wb.save().
collect : per file, load_workbook(read_only=True, data_only=True), read the rows, check status values, numbers,
          required text, the locked cells against the plan (cell by cell) and the metadata; insert into SQLite
          (sqlite3, WAL) in one transaction per file.
"""
import hashlib
import json
import os
import re
import sqlite3
import sys
from datetime import datetime, timezone

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

STATUSES = ['已完成', '序时推进', '滞后', '未启动']
COLUMNS = [('id', '序号', 8), ('chapter', '所属章节', 14), ('task', '重点任务', 16), ('text', '具体内容', 46), ('role', '本单位职责', 8),
           ('others', '其他责任单位', 20), ('deadline', '完成时限', 11), ('target', '目标值', 18), ('unit', '完成值单位', 9), ('value', '完成值', 10),
           ('status', '完成状态', 11), ('progress', '进展情况', 36), ('problems', '存在问题', 24), ('nextSteps', '下一步打算', 24)]
LETTERS = 'ABCDEFGHIJKLMN'
LOCKED_COLUMNS = 9
WIDTH = len(COLUMNS)
FIRST_ROW = 5
FORMAT = 'taizhang/workbook@1'
CIRCLED = '①②③④⑤⑥⑦⑧⑨'


def check_layout(data_dir):
    """The bench writes taizhang's workbook layout (src/workbook) beside plan.json: this peer implements one layout
    by hand, and refuses to measure anything else rather than do less work than taizhang."""
    try:
        with open(os.path.join(data_dir, 'layout.json'), encoding='utf-8') as f:
            layout = json.load(f)
    except FileNotFoundError:
        return
    mine = [FORMAT, FIRST_ROW, STATUSES, [[k, h, w, i >= LOCKED_COLUMNS] for i, (k, h, w) in enumerate(COLUMNS)]]
    theirs = [layout['format'], layout['firstRow'], layout['statuses'], layout['columns']]
    if mine != theirs:
        sys.exit(f"openpyxl peer: taizhang's workbook layout ({layout['format']}) is not the one this peer implements ({FORMAT}); "
                 'bring bench/peers/openpyxl-peer.py to it')


def load_data(plan_path):
    check_layout(os.path.dirname(plan_path))
    with open(plan_path, encoding='utf-8') as f:
        plan = json.load(f)
    with open(os.path.join(os.path.dirname(plan_path), 'assign.json'), encoding='utf-8') as f:
        assign = json.load(f)
    chapters = {c['id']: c['number'] + c['title'] for c in plan['chapters']}
    clauses = {}
    for task in plan['tasks']:
        for clause in task['clauses']:
            clauses[clause['id']] = (task, clause)
    return plan, assign, chapters, clauses


def others_of(clause, me, via=None):
    lead = [a['unit'] for a in clause['assignments'] if a['unit'] not in (me, via) and a['role'] == '牵头']
    coop = [a['unit'] for a in clause['assignments'] if a['unit'] not in (me, via) and a['role'] == '配合']
    parts = []
    if lead:
        parts.append('牵头：' + '、'.join(lead))
    if coop:
        parts.append('配合：' + '、'.join(coop))
    if via:
        parts.append(f'（本单位作为“{via}”成员）')
    return '；'.join(parts) or '无'


def plan_cells(chapters, clauses, clause_id, role, unit, via=None):
    task, clause = clauses[clause_id]
    targets = clause['targets']
    if len(targets) > 1:
        target = '\n'.join((CIRCLED[i] if i < 9 else f'{i + 1}.') + t['words'] for i, t in enumerate(targets))
    else:
        target = targets[0]['words'] if targets else ''
    deadline = clause['deadline']['words'] if clause.get('deadline') else ''
    # The benchmark's plan only uses the comparator 完成, whose reporting unit is the target's own unit.
    unit_cell = targets[0]['unit'] if targets else ''
    return [clause['id'], chapters.get(task['chapterId'], ''), task['lead'], clause['text'], role, others_of(clause, unit, via), deadline, target, unit_cell]


def norm(s):
    return s.replace('\r\n', '\n').replace('\r', '\n').strip()


def checksum(cells):
    return hashlib.sha256('\x1f'.join(norm(c) for c in cells).encode('utf-8')).hexdigest()[:12]


def row_height(cells):
    lines = 1
    for j, text in enumerate(cells):
        per_line = max(1, (COLUMNS[j][2] - 1) // 2)
        n = sum(max(1, -(-len(part) // per_line)) for part in text.split('\n'))
        lines = max(lines, n)
    return min(409, max(20, lines * 14.5 + 6))


# ------------------------------------------------------------------ generate
SONG = Font(name='宋体', size=11)
SONG_BOLD = Font(name='宋体', size=11, bold=True)
TITLE = Font(name='黑体', size=16, bold=True)
NOTE = Font(name='宋体', size=10, color='FF595959')
THIN = Side(style='thin', color='FF808080')
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNDER = Border(bottom=Side(style='thin'))
HEADER_FILL = PatternFill('solid', fgColor='FFD9D9D9')
LOCKED_FILL = PatternFill('solid', fgColor='FFF2F2F2')
INPUT_FILL = PatternFill('solid', fgColor='FFFFFFFF')
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
CENTER_TOP = Alignment(horizontal='center', vertical='top', wrap_text=True)
LEFT_TOP = Alignment(horizontal='left', vertical='top', wrap_text=True)
GUIDE = [
    ('填报方法', '1. 打开“调度表”工作表，先填写表头的填报人、联系电话、填报日期。'),
    ('', '2. 逐行填写白色单元格：完成值、完成状态（下拉选择）、进展情况、存在问题、下一步打算。'),
    ('', '3. “完成值”请填写与“目标值”对应的数字（如 78、40%），不要填写“约”“左右”等文字；有多项目标的（①②…），填写第①项的完成值，其余写入“进展情况”；没有量化目标的可不填。'),
    ('', '4. 填写完成后直接保存（可用 Excel、WPS 或 LibreOffice），文件名可以修改，按原渠道报送。'),
    ('完成状态', '已完成：本条目任务已全部完成；序时推进：按计划进度推进，能够按期完成；滞后：进度落后于计划，须在“存在问题”中说明原因；未启动：尚未开始实施（“进展情况”可不填）'),
    ('', ''),
    ('注意事项', '1. 灰色单元格为任务内容，已锁定，请勿修改。'),
    ('', '2. 请勿插入、删除、移动行或列，请勿修改“序号”；请勿删除或重命名工作表。'),
    ('', '3. 选择“滞后”的，须在“存在问题”中说明原因；除“未启动”外，“进展情况”必须填写。'),
    ('', '4. 本表由系统根据内容识别报送单位和轮次，请勿将其他单位或其他轮次的表格内容复制到本表。'),
]


def build_workbook(plan, assign, chapters, clauses, u):
    rnd = assign['round']
    unit = u['unit']
    wb = Workbook()
    # 填报说明
    g = wb.active
    g.title = '填报说明'
    g.sheet_properties.tabColor = '4472C4'
    g.column_dimensions['A'].width = 16
    g.column_dimensions['B'].width = 90
    g['A1'] = rnd['label'] + '重点工作调度表填报说明'
    g['A1'].font = TITLE
    g.merge_cells('A1:B1')
    g.row_dimensions[1].height = 30
    rows = [('填报单位', unit), ('报送轮次', rnd['label']), ('截止时间', rnd['deadline'] + '（请在截止日前报送）'),
            ('联系方式', plan['issuer'] + '（如有疑问请与综合处联系）'), ('任务来源', '《' + plan['title'] + '》'), ('', '')] + GUIDE
    for i, (label, text) in enumerate(rows):
        r = i + 3
        a, b = g.cell(r, 1, label), g.cell(r, 2, text)
        a.font = SONG_BOLD
        b.font = SONG
        b.alignment = Alignment(wrap_text=True, vertical='top')
        g.row_dimensions[r].height = min(409, max(20, -(-len(text) // 44) * 14.5 + 6))
    g.page_setup.paperSize = 9
    g.page_setup.orientation = 'portrait'
    g.sheet_properties.pageSetUpPr.fitToPage = True
    g.page_setup.fitToWidth, g.page_setup.fitToHeight = 1, 0

    # 调度表
    ws = wb.create_sheet('调度表')
    for i, c in enumerate(COLUMNS):
        ws.column_dimensions[LETTERS[i]].width = c[2]
    ws['A1'] = f"{plan['issuer']} {rnd['label']} 重点工作调度表"
    ws['A1'].font = TITLE
    ws['A1'].alignment = Alignment(horizontal='center', vertical='center')
    ws.merge_cells('A1:N1')
    ws.row_dimensions[1].height = 32
    for addr, text in (('A2', '填报单位：'), ('E2', '填报人：'), ('G2', '联系电话：'), ('J2', '填报日期：')):
        ws[addr] = text
        ws[addr].font = SONG_BOLD
        ws[addr].alignment = Alignment(horizontal='right', vertical='center')
    ws['B2'] = unit
    ws['B2'].font = SONG_BOLD
    ws.merge_cells('B2:D2')
    for addr in ('F2', 'H2', 'K2'):
        c = ws[addr]
        c.protection = UNLOCKED
        c.number_format = '@'
        c.font = SONG
        c.fill = INPUT_FILL
        c.border = UNDER
    ws.merge_cells('H2:I2')
    ws.merge_cells('K2:N2')
    ws.row_dimensions[2].height = 24
    ws['A3'] = f"报送截止：{rnd['deadline']}。灰色为任务内容（已锁定），白色由本单位填写；“完成状态”请从下拉列表选择；请勿插入或删除行。"
    ws['A3'].font = NOTE
    ws['A3'].alignment = Alignment(wrap_text=True, vertical='center')
    ws.merge_cells('A3:N3')
    ws.row_dimensions[3].height = 20
    for i, c in enumerate(COLUMNS):
        cell = ws.cell(4, i + 1, c[1])
        cell.font = SONG_BOLD
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
    ws.row_dimensions[4].height = 30
    ids, roles, sums = [], [], []
    for i, (clause_id, role, via) in enumerate(u['rows']):
        r = FIRST_ROW + i
        cells = plan_cells(chapters, clauses, clause_id, role, unit, via)
        for j in range(WIDTH):
            cell = ws.cell(r, j + 1)
            if j < LOCKED_COLUMNS:
                if cells[j]:
                    cell.value = cells[j]
                cell.fill = LOCKED_FILL
                cell.protection = LOCKED
                cell.font = SONG_BOLD if (j == 4 and role == '牵头') else SONG
            else:
                cell.fill = INPUT_FILL
                cell.protection = UNLOCKED
                cell.font = SONG
            cell.border = BOX
            cell.alignment = CENTER_TOP if j in (0, 4, 9, 10) else LEFT_TOP
        ws.row_dimensions[r].height = row_height(cells)
        ids.append(clause_id)
        roles.append(role)
        sums.append(checksum(cells))
    last = FIRST_ROW + len(u['rows']) - 1
    status_dv = DataValidation(type='list', formula1='"' + ','.join(STATUSES) + '"', allow_blank=True, showErrorMessage=True, errorStyle='stop',
                               errorTitle='完成状态', error='请从下拉列表中选择：' + '、'.join(STATUSES), showInputMessage=True,
                               promptTitle='完成状态', prompt='请从下拉列表中选择')
    status_dv.add(f'K{FIRST_ROW}:K{last}')
    value_dv = DataValidation(type='decimal', operator='between', formula1='-1000000000000', formula2='1000000000000', allow_blank=True,
                              showErrorMessage=True, errorStyle='warning', errorTitle='完成值', error='完成值应为数字（如 78 或 40%），请勿填写“约”“左右”等文字。')
    value_dv.add(f'J{FIRST_ROW}:J{last}')
    ws.add_data_validation(value_dv)
    ws.add_data_validation(status_dv)
    ws.freeze_panes = 'B5'
    ws.print_title_rows = '4:4'
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = 'landscape'
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = '第 &P 页，共 &N 页'
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    wb.active = 1

    # hidden metadata
    m = wb.create_sheet('_taizhang')
    m.sheet_state = 'hidden'
    total = hashlib.sha256(''.join(sums).encode()).hexdigest()[:16]
    for k, v in (('format', FORMAT), ('plan_id', plan['id']), ('plan_hash', assign['planHash']), ('plan_title', plan['title']), ('unit', unit),
                 ('round', rnd['id']), ('deadline', rnd['deadline']), ('first_row', FIRST_ROW), ('row_count', len(ids)), ('checksum', total)):
        m.append([k, v])
    m.append([])
    m.append(['row', 'clause', 'role', 'checksum'])
    for i, (cid, role, s) in enumerate(zip(ids, roles, sums)):
        m.append([FIRST_ROW + i, cid, role, s])
    m.protection.sheet = True
    return wb


def generate(plan_path, out_dir):
    plan, assign, chapters, clauses = load_data(plan_path)
    os.makedirs(out_dir, exist_ok=True)
    rows = 0
    for u in assign['units']:
        wb = build_workbook(plan, assign, chapters, clauses, u)
        wb.save(os.path.join(out_dir, u['file']))
        rows += len(u['rows'])
    print(f"openpyxl generate: {len(assign['units'])} workbooks, {rows} rows → {out_dir}")


# ------------------------------------------------------------------ collect
PHONE = re.compile(r'^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-转]\d{1,6})?|\d{7,8}(?:[-转]\d{1,6})?)$')
NUMBER = re.compile(r'^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$')
FULL = str.maketrans({chr(c): chr(c - 0xfee0) for c in (*range(0xff10, 0xff1a), 0xff0e, 0xff0c, 0xff05, 0xff0d, 0xff0b)})
EMPTYISH = re.compile(r'^[-—－/／无]+$')


def looks_like_phone(s):
    compact = re.sub(r'\s+', '', re.sub(r'[)）]\s*', '-', re.sub(r'[（(]\s*', '', s)))
    return all(PHONE.match(p) for p in re.split(r'[,，;；、/]', compact))


def read_value(raw, number_format, unit):
    if raw is None or raw == '':
        return True, None, None, None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if number_format and '%' in number_format:
            v = round(raw * 100, 9)
            return True, v, f'{v}%', None
        return True, raw, str(raw), None
    text = str(raw).strip()
    s = re.sub(r'\s+', '', text.translate(FULL))
    if s == '' or EMPTYISH.match(s):
        return True, None, text, None
    m = NUMBER.match(s)
    if not m:
        return False, None, text, f'完成值“{text}”不是数字'
    value = float(m.group(1).replace(',', ''))
    suffix = m.group(2)
    if suffix == '' or (suffix == '%' and unit in (None, '', '%')) or suffix == unit:
        return True, value, text, None
    return False, None, text, f'完成值“{text}”含有文字“{suffix}”'


def text_of(v):
    if v is None:
        return ''
    if isinstance(v, bool):
        return 'TRUE' if v else 'FALSE'
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, datetime):
        return v.date().isoformat()
    return norm(str(v))


SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL,
  received_at TEXT NOT NULL, outcome TEXT NOT NULL, reporter TEXT, phone TEXT, fill_date TEXT);
CREATE TABLE IF NOT EXISTS entries (submission_id INTEGER NOT NULL REFERENCES submissions(id), clause_id TEXT NOT NULL, role TEXT NOT NULL,
  status TEXT, value_text TEXT, value REAL, progress TEXT, problems TEXT, next_steps TEXT, PRIMARY KEY (submission_id, clause_id));
CREATE TABLE IF NOT EXISTS problems (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, file TEXT NOT NULL, cell TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL);
"""


def collect(in_dir, db_path):
    plan, assign, chapters, clauses = load_data(os.path.join(os.environ.get('PERF_DATA', os.path.join(in_dir, '..')), 'plan.json'))
    units = {u['unit']: u for u in assign['units']}
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute('PRAGMA journal_mode = WAL')
    db.execute('PRAGMA synchronous = NORMAL')
    db.executescript(SCHEMA)
    counts = {'accepted': 0, 'returned': 0, 'refused': 0, 'unusable': 0, 'duplicate': 0}
    for name in sorted(n for n in os.listdir(in_dir) if n.lower().endswith('.xlsx')):
        path = os.path.join(in_dir, name)
        with open(path, 'rb') as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if db.execute('SELECT 1 FROM submissions WHERE sha256 = ?', (digest,)).fetchone():
            counts['duplicate'] += 1
            continue
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            meta_ws = wb['_taizhang'] if '_taizhang' in wb.sheetnames else None
            ws = wb['调度表'] if '调度表' in wb.sheetnames else None
            kv, meta_rows, in_rows = {}, [], False
            if meta_ws is not None:
                for row in meta_ws.iter_rows(values_only=True):
                    row = (tuple(row) + (None,) * 4)[:4]
                    a = row[0]
                    if a == 'row':
                        in_rows = True
                        continue
                    if in_rows and a is not None:
                        meta_rows.append((text_of(row[1]), text_of(row[3])))
                    elif a is not None:
                        kv[a] = text_of(row[1])
            head, table = None, []
            if ws is not None:
                for r, row in enumerate(ws.iter_rows(min_row=2), start=2):
                    if r == 2:
                        head = [c.value for c in row]
                    elif r >= FIRST_ROW:
                        cells = [(c.value, getattr(c, 'number_format', None)) for c in row]
                        if any(v is not None and str(v).strip() != '' for v, _ in cells):
                            table.append((r, cells))
            wb.close()
        except Exception as e:  # noqa: BLE001 - a broken file is that file's problem
            counts['unusable'] += 1
            db.execute('INSERT INTO problems (sha256, file, cell, rule, message) VALUES (?, ?, ?, ?, ?)', (digest, path, '-', 'unusable', str(e)))
            continue
        u = units.get(kv.get('unit'))
        if (kv.get('format') != FORMAT or kv.get('round') != assign['round']['id'] or kv.get('plan_id') != plan['id']
                or kv.get('plan_hash') != assign['planHash'] or u is None or ws is None):
            counts['refused'] += 1
            db.execute('INSERT INTO problems (sha256, file, cell, rule, message) VALUES (?, ?, ?, ?, ?)', (digest, path, '-', 'refused', '不是本轮下发的调度表'))
            continue
        problems = []
        head = (list(head or []) + [None] * WIDTH)[:WIDTH]
        reporter, phone, fill_date = text_of(head[5]), text_of(head[7]), text_of(head[10])
        if not reporter:
            problems.append(('F2', 'reporter-missing', '未填写填报人'))
        if not phone:
            problems.append(('H2', 'phone-missing', '未填写联系电话'))
        elif not looks_like_phone(phone):
            problems.append(('H2', 'phone-invalid', f'联系电话“{phone}”不像电话号码'))
        by_id = {}
        for r, cells in table:
            cid = text_of(cells[0][0])
            if cid and cid not in by_id:
                by_id[cid] = (r, (cells + [(None, None)] * WIDTH)[:WIDTH])
        if len(meta_rows) != len(u['rows']):
            problems.append(('-', 'meta-mismatch', '识别信息与下发时不一致'))
        entries = []
        expected = set()
        for i, (cid, role, via) in enumerate(u['rows']):
            expected.add(cid)
            want = plan_cells(chapters, clauses, cid, role, u['unit'], via)
            if i >= len(meta_rows) or meta_rows[i] != (cid, checksum(want)):
                problems.append(('-', 'meta-mismatch', f'识别信息第 {i + 1} 行与下发时不一致'))
            found = by_id.get(cid)
            if found is None:
                problems.append((f'A{FIRST_ROW + i}', 'row-deleted', f'条目 {cid} 所在的行被删除'))
                continue
            r, cells = found
            if r != FIRST_ROW + i:
                problems.append((f'A{r}', 'row-moved', f'条目 {cid} 应在第 {FIRST_ROW + i} 行'))
            for j in range(1, LOCKED_COLUMNS):
                if text_of(cells[j][0]) != norm(want[j]):
                    problems.append((f'{LETTERS[j]}{r}', 'plan-cell-changed', f'灰色单元格“{COLUMNS[j][1]}”被修改'))
            status, progress, issues = text_of(cells[10][0]), text_of(cells[11][0]), text_of(cells[12][0])
            if not status:
                problems.append((f'K{r}', 'status-missing', f'条目 {cid} 未选择完成状态'))
            elif status not in STATUSES:
                problems.append((f'K{r}', 'status-invalid', f'条目 {cid} 的完成状态“{status}”不在可选范围内'))
            if not progress and status != '未启动':
                problems.append((f'L{r}', 'progress-missing', f'条目 {cid} 未填写进展情况'))
            if status == '滞后' and not issues:
                problems.append((f'M{r}', 'problems-missing', f'条目 {cid} 状态为“滞后”，请说明原因'))
            targets = clauses[cid][1]['targets']
            ok, value, value_text, message = read_value(cells[9][0], cells[9][1], targets[0]['unit'] if targets else None)
            if not ok:
                problems.append((f'J{r}', 'value-not-number', message))
            entries.append((cid, role, status or None, value_text or None, value if ok else None, progress or None, issues or None, text_of(cells[13][0]) or None))
        for cid, (r, _) in by_id.items():
            if cid not in expected:
                problems.append((f'A{r}', 'row-inserted', f'第 {r} 行不是下发的条目'))
        outcome = 'returned' if problems else 'accepted'
        db.execute('BEGIN IMMEDIATE')
        try:
            cur = db.execute('INSERT INTO submissions (unit, sha256, file, received_at, outcome, reporter, phone, fill_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                             (u['unit'], digest, path, datetime.now(timezone.utc).isoformat(), outcome, reporter, phone, fill_date))
            sid = cur.lastrowid
            db.executemany('INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [(sid, *e) for e in entries])
            db.executemany('INSERT INTO problems (sha256, file, cell, rule, message) VALUES (?, ?, ?, ?, ?)', [(digest, path, *p) for p in problems])
            db.execute('COMMIT')
        except Exception:
            db.execute('ROLLBACK')
            raise
        counts[outcome] += 1
    db.close()
    print('openpyxl collect: ' + ', '.join(f'{k} {v}' for k, v in counts.items()))


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'generate':
        generate(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == 'collect':
        collect(sys.argv[2], sys.argv[3])
    else:
        print('usage: peer.py generate <plan.json> <outdir> | collect <dir> <db>', file=sys.stderr)
        sys.exit(2)
