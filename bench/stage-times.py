#!/usr/bin/env python3
"""Per-stage server time of /v1/answers, one question at a time (no queueing): starts JAR's `serve` on PORT over an index
in /tmp (made by bench/cpu-per-answer.py), sends 200 warm-up and 300 distinct golden questions, and prints the mean and
median of the retrieveMs, generateMs, guardMs and totalMs the server logs for each answer.
Usage: bench/stage-times.py JAR PORT"""
import json,sys,subprocess,time,urllib.request,os,glob,random,re,statistics
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jar,port=sys.argv[1],int(sys.argv[2])
idx='/tmp/cpuidx-'+os.path.basename(jar)
env=dict(os.environ,KIRA_RATE_LIMIT_PER_MIN='0',KIRA_INDEX_DIR=idx,KIRA_PORT=str(port))
java='/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'
log=open('/tmp/stages-'+os.path.basename(jar)+'.log','w')
p=subprocess.Popen([java,'--enable-native-access=ALL-UNNAMED','--add-modules','jdk.incubator.vector','-jar',jar,'serve'],env=env,cwd=ROOT,stdout=log,stderr=subprocess.STDOUT)
for _ in range(200):
    try: urllib.request.urlopen(f'http://127.0.0.1:{port}/health',timeout=1); break
    except Exception: time.sleep(0.1)
qs=[]
for f in sorted(glob.glob(os.path.join(ROOT,'src/test/resources/golden/*.json'))):
    for q in json.load(open(f))['questions']: qs.append(q['question'])
random.Random(1).shuffle(qs)
def ask(q):
    req=urllib.request.Request(f'http://127.0.0.1:{port}/v1/answers',data=json.dumps({'question':q}).encode(),headers={'Content-Type':'application/json'})
    urllib.request.urlopen(req,timeout=30).read()
for q in qs[:200]: ask(q)
mark=os.path.getsize(log.name)
for q in qs[200:500]: ask(q)
p.terminate(); p.wait(); log.close()
txt=open(log.name).read()[mark:]
vals={k:[] for k in ['retrieveMs','generateMs','guardMs','totalMs']}
for line in txt.splitlines():
    if 'answers' not in line or 'retrieveMs' not in line: continue
    for k in vals:
        m=re.search(r'"%s":"([0-9.]+)"'%k,line)
        if m: vals[k].append(float(m.group(1)))
print(os.path.basename(jar), {k:(round(statistics.mean(v),2), round(statistics.median(v),2)) for k,v in vals.items() if v}, len(vals['totalMs']))
