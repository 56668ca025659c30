#!/usr/bin/env python3
"""Server CPU per answer: starts JAR's `serve` on PORT (index in /tmp, built once), sends 150 warm-up and then 450
distinct golden questions to /v1/answers from two client threads, and prints the server's CPU (from /proc) per answer.
Usage: bench/cpu-per-answer.py JAR PORT"""
import json,sys,subprocess,time,urllib.request,os,threading,glob,random
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jar,port=sys.argv[1],int(sys.argv[2])
idx='/tmp/cpuidx-'+os.path.basename(jar)
env=dict(os.environ,KIRA_RATE_LIMIT_PER_MIN='0',KIRA_INDEX_DIR=idx,KIRA_PORT=str(port))
java='/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'
if not os.path.exists(idx):
    subprocess.run([java,'--enable-native-access=ALL-UNNAMED','--add-modules','jdk.incubator.vector','-jar',jar,'index'],env=env,cwd=ROOT,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
p=subprocess.Popen([java,'--enable-native-access=ALL-UNNAMED','--add-modules','jdk.incubator.vector','-jar',jar,'serve'],env=env,cwd=ROOT,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
for _ in range(200):
    try:
        urllib.request.urlopen(f'http://127.0.0.1:{port}/health',timeout=1); break
    except Exception: time.sleep(0.1)
qs=[]
for f in glob.glob(os.path.join(ROOT,'src/test/resources/golden/*.json')):
    for q in json.load(open(f))['questions']: qs.append(q['question'])
random.Random(1).shuffle(qs)
def ask(q):
    req=urllib.request.Request(f'http://127.0.0.1:{port}/v1/answers',data=json.dumps({'question':q}).encode(),headers={'Content-Type':'application/json'})
    urllib.request.urlopen(req,timeout=30).read()
def cpu():
    s=open(f'/proc/{p.pid}/stat').read().rsplit(')',1)[1].split()
    return (int(s[11])+int(s[12]))/os.sysconf('SC_CLK_TCK')
def run(batch):
    it=iter(batch); lock=threading.Lock()
    def w():
        while True:
            with lock:
                q=next(it,None)
            if q is None: return
            ask(q)
    ts=[threading.Thread(target=w) for _ in range(2)]
    [t.start() for t in ts]; [t.join() for t in ts]
run(qs[:150])
c0=cpu(); t0=time.time(); run(qs[150:600]); c1=cpu(); t1=time.time()
print(f"{os.path.basename(jar)}: {len(qs[150:600])} answers, server CPU per answer {1000*(c1-c0)/450:.1f} ms, wall {t1-t0:.1f}s")
p.terminate(); p.wait()
