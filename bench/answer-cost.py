#!/usr/bin/env python3
"""What an answer costs the server, for one jar: starts its `serve` on PORT over an index in /tmp (built once by the
jar's `index` command), asks distinct golden questions at /v1/answers, and prints one line.

  bench/answer-cost.py cpu JAR PORT     150 warm-up, then 450 questions from two client threads: the server's CPU
                                        (from /proc) per answer
  bench/answer-cost.py stages JAR PORT  200 warm-up, then 300 questions one at a time (no queueing): the mean and
                                        median of the retrieveMs, generateMs, guardMs and totalMs the server logs
"""
import glob, json, os, random, re, statistics, subprocess, sys, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = [os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'java'),
        '--enable-native-access=ALL-UNNAMED', '--add-modules', 'jdk.incubator.vector']
STAGES = ['retrieveMs', 'generateMs', 'guardMs', 'totalMs']


def questions():
    qs = [q['question'] for f in sorted(glob.glob(os.path.join(ROOT, 'src/test/resources/golden/*.json')))
          for q in json.load(open(f))['questions']]
    random.Random(1).shuffle(qs)
    return qs


def serve(jar, port, log):
    index = '/tmp/answer-cost-index-' + os.path.basename(jar)
    env = dict(os.environ, KIRA_RATE_LIMIT_PER_MIN='0', KIRA_INDEX_DIR=index, KIRA_PORT=str(port))
    if not os.path.exists(index):
        subprocess.run(JAVA + ['-jar', jar, 'index'], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = subprocess.Popen(JAVA + ['-jar', jar, 'serve'], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/health', timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit('the server did not become ready')


def ask_all(port, batch, threads):
    pending, lock = iter(batch), threading.Lock()

    def work():
        while True:
            with lock:
                q = next(pending, None)
            if q is None:
                return
            body = json.dumps({'question': q}).encode()
            request = urllib.request.Request(f'http://127.0.0.1:{port}/v1/answers', data=body,
                                             headers={'Content-Type': 'application/json'})
            urllib.request.urlopen(request, timeout=30).read()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    [w.start() for w in workers]
    [w.join() for w in workers]


def cpu_seconds(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def main():
    mode, jar, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    qs, name = questions(), os.path.basename(jar)
    log_path = f'/tmp/answer-cost-{name}.log'
    with open(log_path, 'w') as log:
        server = serve(jar, port, log)
        try:
            if mode == 'cpu':
                ask_all(port, qs[:150], 2)
                before = cpu_seconds(server.pid)
                ask_all(port, qs[150:600], 2)
                print(f'{name}: 450 answers, server CPU per answer {1000 * (cpu_seconds(server.pid) - before) / 450:.1f} ms')
            else:
                ask_all(port, qs[:200], 1)
                log.flush()
                mark = os.path.getsize(log_path)
                ask_all(port, qs[200:500], 1)
        finally:
            server.terminate()
            server.wait()
    if mode == 'stages':
        times = {k: [] for k in STAGES}
        for line in open(log_path).read()[mark:].splitlines():
            if 'answers' in line and 'retrieveMs' in line:
                for k in STAGES:
                    m = re.search(r'"%s":"([0-9.]+)"' % k, line)
                    if m:
                        times[k].append(float(m.group(1)))
        print(name, {k: (round(statistics.mean(v), 2), round(statistics.median(v), 2)) for k, v in times.items() if v},
              len(times['totalMs']), 'answers')


if __name__ == '__main__':
    main()
