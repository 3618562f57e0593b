// Debian's nginx, started by the tests on a loopback port with the config
// the project ships (scripts/nginx/bantin.conf), serving a build directory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, rmSync, symlinkSync, renameSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CONF = fileURLToPath(new URL("../../scripts/nginx/bantin.conf", import.meta.url));
const NGINX = process.env.NGINX || "/usr/sbin/nginx";
const BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const listening = (port) =>
  new Promise((ok) => {
    const sock = connect(port, "127.0.0.1");
    sock.on("connect", () => (sock.destroy(), ok(true)));
    sock.on("error", () => ok(false));
  });

async function waitFor(check, what, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx: timed out waiting for ${what}`);
}

/**
 * Serves `root` with the shipped config. The site root is a symlink, as in
 * an atomic deploy, so `deploy(dir)` can swap in another build.
 * Resolves to { url, port, stop(), start(), deploy(dir), close() }.
 */
export async function startNginx(root) {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: run scripts/test, which installs it`);
  const dir = mkdtempSync(join(tmpdir(), "bantin-nginx-"));
  mkdirSync(join(dir, "logs"));
  const site = join(dir, "site");
  symlinkSync(root, site);
  const port = await freePort();
  let server = readFileSync(CONF, "utf8")
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/\s*listen \[::\]:80;/, "")
    .replaceAll("/srv/bantin/dist", site);
  if (!existsSync(BROTLI)) server = server.replace(/brotli_static on;/, "");
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `${existsSync(BROTLI) ? `load_module ${BROTLI};\n` : ""}` +
      `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log warn;\n` +
      (process.getuid?.() === 0 ? "user root;\n" : "") +
      `events { worker_connections 256; }\n` +
      `http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n` +
      `  access_log ${dir}/logs/access.log;\n  sendfile on;\n` +
      ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join("") +
      `${server}\n}\n`,
  );
  let proc = null;
  const env = {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    async start() {
      if (proc) return;
      proc = spawn(NGINX, ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
      const exited = new Promise((ok) => proc.once("exit", (code) => ok(code)));
      proc.exited = exited;
      await waitFor(async () => {
        if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}; see ${dir}/logs/error.log`);
        return listening(port);
      }, "its port");
    },
    /** Really stops the server: the port refuses connections afterwards. */
    async stop() {
      if (!proc) return;
      const p = proc;
      proc = null;
      p.kill("SIGTERM");
      await p.exited;
      await waitFor(async () => !(await listening(port)), "the port to close");
    },
    /** Swaps the site to another build and reloads nginx (new CSP include). */
    async deploy(build) {
      const next = `${site}.next`;
      rmSync(next, { force: true });
      symlinkSync(build, next);
      renameSync(next, site);
      if (proc) proc.kill("SIGHUP");
      await new Promise((r) => setTimeout(r, 300));
    },
    async close() {
      await env.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await env.start();
  return env;
}
