// Real speech for the e2e run (docs/toolchain.md, item 16): Chromium speaks through
// speech-dispatcher and espeak-ng into a PulseAudio null sink, so every
// utterance fires real start and end events with real durations. The run gets
// its own runtime and config folders, so nothing of the machine's is touched;
// the speech project's Chromium inherits them through the environment.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const runtime = mkdtempSync(join(tmpdir(), 'unfurl-xdg-'));
  chmodSync(runtime, 0o700);
  const config = mkdtempSync(join(tmpdir(), 'unfurl-conf-'));
  mkdirSync(join(config, 'speech-dispatcher'));
  // espeak-ng alone, played through PulseAudio: no dummy module that never ends.
  writeFileSync(join(config, 'speech-dispatcher', 'speechd.conf'),
    'AudioOutputMethod "pulse"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n');
  process.env.XDG_RUNTIME_DIR = runtime;
  process.env.XDG_CONFIG_HOME = config;
  // Without a sound server utterances never end; --exit-idle-time keeps it up between tests.
  execFileSync('pulseaudio', ['-D', '--exit-idle-time=-1', '--disallow-exit'], { stdio: 'ignore', env: process.env });
  return () => {
    try { execFileSync('pulseaudio', ['--kill'], { stdio: 'ignore', env: process.env }); } catch (e) { /* already gone */ }
    try { execFileSync('pkill', ['-f', `speech-dispatcher.*${runtime}`], { stdio: 'ignore' }); } catch (e) { /* none spawned */ }
  };
}
