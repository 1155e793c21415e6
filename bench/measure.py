#!/usr/bin/python3
"""Runs one command as a whole process and prints its wall time and peak memory as JSON.

usage: measure.py <command> [args...]   (environment and working folder are the caller's)
The time is taken around the child alone, so this wrapper's own start-up is not counted; the peak resident memory
is the child's (getrusage of the waited-for children), whatever language it is written in.
"""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
ms = (time.perf_counter() - start) * 1000
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({'ms': ms, 'peakMb': peak_kb / 1024, 'code': done.returncode, 'stdout': done.stdout.decode('utf-8', 'replace')[-2000:], 'stderr': done.stderr.decode('utf-8', 'replace')[-2000:]}))
