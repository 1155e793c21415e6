#!/usr/bin/env python3
# Times the collect task as `npm run bench` does (bench/measure.py, whole processes), for several builds of taizhang
# beside the openpyxl peer and the raw baseline, every tool once per round in an order that turns from round to
# round, and prints each round's ratios and the medians. For comparing a change with the build before it on the same
# data and under the same load (src/xlsx/README.md).
#
#   bench/compare-collect.py DATA ROUNDS NAME=ROOT [NAME=ROOT ...]
#
# DATA holds inbox/, plan.json and assign.json (src/bench/index.ts prepareData) and issued.db (the ledger as
# `sheets generate … --no-prefill` left it); each ROOT is a checkout with bin/ and a built dist/.
import json, os, re, shutil, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data, rounds, specs = sys.argv[1], int(sys.argv[2]), [s.split('=', 1) for s in sys.argv[3:]]
tools = [(n, r) for n, r in specs] + [('openpyxl', None), ('raw', None)]
env = dict(os.environ, TAIZHANG_NO_PROGRESS='1', PERF_DATA=data)


def run(name, root, out):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if root:
        shutil.copy(os.path.join(data, 'issued.db'), os.path.join(out, 'taizhang.db'))
        cmd = ['node', f'{root}/bin/taizhang.js', 'collect', f'{data}/inbox', '--round', '2025-Q3', '-w', out]
        want = r'收取 \d+，退回 \d+，未收取 0'
    elif name == 'openpyxl':
        cmd = ['/usr/bin/python3', f'{ROOT}/bench/peers/openpyxl-peer.py', 'collect', f'{data}/inbox', f'{out}/peer.sqlite']
        want = r'accepted \d+, returned \d+, refused 0, unusable 0'
    else:
        cmd = ['node', f'{ROOT}/bench/peers/raw-peer.mjs', 'collect', f'{data}/inbox', f'{out}/peer.sqlite']
        want = r'accepted \d+, returned \d+, refused 0, unusable 0'
    # The raw peer finds better-sqlite3 from its working folder, as under npm run bench.
    r = subprocess.run(['/usr/bin/python3', f'{ROOT}/bench/measure.py', *cmd], env=env, cwd=ROOT, capture_output=True, text=True)
    m = json.loads(r.stdout)
    said = re.search(want, m['stdout'])
    if not said:
        raise SystemExit(f'{name} did not report {want}: {m["stdout"][-400:]} {m["stderr"][-400:]}')
    return m['ms'], m['peakMb'], said.group(0)


samples = {n: [] for n, _ in tools}
ratios = {n: [] for n, r in tools if r}
for k in range(rounds):
    order = tools[k % len(tools):] + tools[:k % len(tools)]
    times = {}
    for name, root in order:
        ms, mb, said = run(name, root, f'{data}/compare-{name}')
        times[name] = ms
        samples[name].append((ms, mb))
        print(f'round {k + 1} {name:9} {ms / 1000:6.2f} s {mb:4.0f} MB  {said}', flush=True)
    for n in ratios:
        ratios[n].append((times[n] / times['openpyxl'], times[n] / times['raw']))
    print('  ratios ÷ openpyxl / ÷ raw: ' + '  '.join(f'{n} {a:.3f}/{b:.2f}' for n, [*_, (a, b)] in ratios.items()) + f'  (load {open("/proc/loadavg").read().split()[0]})', flush=True)
print('medians:')
for n, _ in tools:
    line = f'  {n:9} {statistics.median(m for m, _ in samples[n]) / 1000:6.2f} s  {statistics.median(b for _, b in samples[n]):4.0f} MB'
    if n in ratios:
        line += f'   ÷ openpyxl {statistics.median(a for a, _ in ratios[n]):.3f}   ÷ raw {statistics.median(b for _, b in ratios[n]):.2f}'
    print(line)
