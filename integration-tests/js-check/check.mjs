// Runs the official JS client against a stub relay: node check.mjs <base URL> <api key>
// For a stub started with --https, run it with NODE_EXTRA_CA_CERTS=<the CA file the stub printed>.
import Replicate from "replicate";

const [base, auth] = process.argv.slice(2);
const replicate = new Replicate({ auth, baseUrl: `${base}/replicate/v1`, useFileOutput: false });
const SDXL = "stability-ai/sdxl:7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc";
let failures = 0;
function check(name, ok, detail) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ": " + detail : ""}`);
  if (!ok) failures++;
}

// Sync mode that outlives its wait: the run must poll on to the output.
for (let i = 0; i < 3; i++) {
  const output = await replicate.run(SDXL, { input: { prompt: "a fox" }, wait: { mode: "block", timeout: 1 } });
  check(`run with Prefer: wait=1 (#${i + 1}) returns the output`, Array.isArray(output) && output.length === 1, JSON.stringify(output));
}
const created = await replicate.predictions.create({ version: SDXL.split(":")[1], input: { prompt: "x" }, wait: 1 });
check("a create past its wait is starting", created.status === "starting", created.status);
check("urls.stream is present", typeof created.urls?.stream === "string", created.urls?.stream);

// Numbers at the edges: sent as the JSON text, echoed exactly.
const raw = await fetch(`${base}/replicate/v1/predictions`, {
  method: "POST",
  headers: { Authorization: `Bearer ${auth}`, "Content-Type": "application/json", "Cancel-After": "30", Prefer: "wait=99" },
  body: `{"version":"${SDXL.split(":")[1]}","input":{"prompt":"x","seed":9007199254740993,"width":0,"image":"HTTPS://example.com/a.png"}}`,
});
const text = await raw.text();
check("Cancel-After: 30 and Prefer: wait=99 accepted", raw.status === 200 || raw.status === 201, `${raw.status} ${text.slice(0, 120)}`);
check("seed 2^53+1 echoed exactly", text.includes('"seed":9007199254740993'));

// Over https the client wraps output links as files (it wraps only https: and data: links).
if (base.startsWith("https:")) {
  const files = new Replicate({ auth, baseUrl: `${base}/replicate/v1` });
  const output = await files.run(SDXL, { input: { prompt: "a fox" } });
  const first = Array.isArray(output) ? output[0] : undefined;
  check("an https output link comes back as a FileOutput", typeof first?.url === "function", String(first));
  if (typeof first?.blob === "function") {
    const blob = await first.blob();
    check("the FileOutput reads the file", blob.size > 0, `${blob.size} bytes`);
  }
}

process.exit(failures === 0 ? 0 : 1);
