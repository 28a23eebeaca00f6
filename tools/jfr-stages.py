#!/usr/bin/env python3
# usage: tools/jfr-stages.py FILE.jfr -> execution samples by thread, by stage (first matching frame pattern), top
# frames and inclusive dev.parley frames (docs/performance.md, "Per-message cost"); needs the JDK's jfr on the PATH
import json, subprocess, sys, collections, re
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', f], capture_output=True, text=True).stdout
ev = json.loads(out)['recording']['events']
def frames(e):
    return [fr['method']['type']['name'].replace('/', '.') + '.' + fr['method']['name'] for fr in e['values']['stackTrace']['frames']]
def thread(e):
    t = e['values']['sampledThread']
    n = (t.get('javaName') or t.get('osName') or '?')
    return re.sub(r'-?\d+$', '', n)
STAGES = [  # first match from the TOP of the stack wins per sample's deepest classified frame, checked in this order
 ('store: mvstore commit/write', r'org\.h2\.mvstore\.(MVStore\.(commit|store|tryCommit|storeNow|write)|FileStore|RandomAccessStore|SingleFileStore|Chunk|Page\.write|WriteBuffer)'),
 ('store: mvstore map ops', r'org\.h2\.mvstore\.'),
 ('json encode/decode (Jackson / JsonObject)', r'(com\.fasterxml\.jackson|io\.vertx\.core\.json|JsonObject|JsonArray|io\.vertx\.core\.impl\.Utils|dev\.parley\.protocol\.Json)'),
 ('event bus', r'io\.vertx\.core\.eventbus'),
 ('socket write (syscall)', r'(sun\.nio\.ch\.(SocketDispatcher\.write|IOUtil\.write|FileDispatcherImpl\.write)|writev0|write0|Native\.write|Native\.writev)'),
 ('socket read (syscall)', r'(SocketDispatcher\.read|IOUtil\.read|readv|Native\.read)'),
 ('epoll/select', r'(EPoll|Epoll|select|SelectorImpl|poll)'),
]
by_thread = collections.Counter(); by_stage = collections.Counter(); top = collections.Counter(); incl = collections.Counter()
stage_thread = collections.Counter()
for e in ev:
    fs = frames(e); th = thread(e); by_thread[th] += 1
    st = 'other'
    for name, pat in STAGES:
        if any(re.search(pat, x) for x in fs[:40]):
            st = name; break
    by_stage[st] += 1; stage_thread[(th, st)] += 1
    if fs: top[fs[0]] += 1
    for x in set(fs):
        if x.startswith('dev.parley'): incl[x] += 1
n = len(ev)
print(f'samples {n}')
print('by thread:'); [print(f'  {c:6d} {100*c/n:5.1f}%  {t}') for t, c in by_thread.most_common(12)]
print('by stage (first matching pattern, in order):'); [print(f'  {c:6d} {100*c/n:5.1f}%  {s}') for s, c in by_stage.most_common()]
print('by thread x stage:'); [print(f'  {c:6d} {100*c/n:5.1f}%  {t} / {s}') for (t, s), c in stage_thread.most_common(25)]
print('top frames:'); [print(f'  {c:6d} {100*c/n:5.1f}%  {t}') for t, c in top.most_common(30)]
print('parley inclusive:'); [print(f'  {c:6d} {100*c/n:5.1f}%  {t}') for t, c in incl.most_common(40)]
