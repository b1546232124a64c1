// Sound, speech and vibration: what the person lying in bed with eyes closed
// actually follows. Tones are synthesised (nothing to download), soft sine
// chimes with slow attack and long release — never beeps.

const CHIMES = {
  begin: [[392, 0], [523.25, 0.28]],              // a rising two-note chime
  hold: [[659.25, 0]],                             // one bell
  tick: [[1046.5, 0]],                             // a very soft wooden click
  release: [[523.25, 0], [392, 0.28]],             // falling two notes
  switch: [[392, 0], [493.88, 0.2], [587.33, 0.4]],// three ascending notes
  done: [[261.63, 0], [329.63, 0.05], [392, 0.1], [523.25, 0.15]], // a warm chord
};

const VIBRATIONS = { hold: [60], switch: [60, 90, 60], done: [400] };

export class Cues {
  // onVoice(busy) tells the app whether the voice is still speaking, so the
  // session can wait for it instead of starting the next sentence over it.
  constructor(onVoice) {
    this.log = [];
    this.ctx = null;
    this.onVoice = onVoice;
    this.pending = new Set();   // utterances given to the voice and not yet ended
    this.voiceWorks = false;    // an utterance has really started: only then can the voice hold the session
    this.busy = false;
    this.voices = [];
    const synth = window.speechSynthesis;
    if (synth && synth.getVoices) {
      const load = () => { this.voices = synth.getVoices(); };
      load();
      synth.addEventListener?.('voiceschanged', load);
    }
    // Browsers keep audio locked until a real tap: unlock on the first one.
    const unlock = () => {
      try {
        const AC = window.AudioContext || window.webkitAudioContext;
        if (AC && !this.ctx) this.ctx = new AC();
        if (this.ctx && this.ctx.state === 'suspended') this.ctx.resume().catch(() => {});
      } catch (e) { /* no audio on this device: voice and screen still work */ }
    };
    for (const ev of ['pointerdown', 'touchend', 'keydown']) window.addEventListener(ev, unlock, { capture: true, passive: true });
  }

  // settings: voice, tones, vibration, voice_rate, volume — carried by the cue itself.
  emit(kind, key, text, lang, settings, live) {
    this.log.push({ t: performance.now() / 1000, kind, key, text, lang });
    if (kind === 'speak') {
      live.textContent = text;  // the same words, always written too
      if (settings.voice) this.speak(text, lang, settings.voice_rate, settings.seconds);
    } else if (kind === 'tone') {
      if (settings.tones) this.tone(key, settings.volume);
    } else if (kind === 'vibrate') {
      if (settings.vibration && navigator.vibrate && VIBRATIONS[key]) {
        try { navigator.vibrate(VIBRATIONS[key]); } catch (e) { /* not allowed here */ }
      }
    }
  }

  // Sentences queue behind each other and are never cut off by the next cue:
  // the app plans each one room to finish. Only hush() (a user action) cuts.
  // seconds: how long the app expects the sentence to take at this rate.
  speak(text, lang, rate, seconds) {
    const synth = window.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    u.rate = rate;
    const voice = this.voices.find((v) => v.lang && v.lang.toLowerCase().startsWith(lang));
    if (voice) u.voice = voice;
    const done = () => { if (this.pending.delete(u)) this.report(); };
    u.addEventListener('start', () => { this.voiceWorks = true; this.report(); });
    u.addEventListener('end', done);
    u.addEventListener('error', done);
    // Some platforms never report an end (no sound server, a suspended tab):
    // such a voice must not hold the session for long. Twice the app's own
    // estimate, and more: a slow voice or a busy phone is not cut short.
    setTimeout(done, 8000 + 2000 * (seconds || 0));
    this.pending.add(u);
    synth.speak(u);
    this.report();
  }

  hush() {
    this.pending.clear();
    try { window.speechSynthesis?.cancel(); } catch (e) { /* nothing was speaking */ }
    this.report();
  }

  // Told after the current call returns: the app may be the one calling us now.
  report() {
    const busy = this.voiceWorks && this.pending.size > 0;
    if (busy === this.busy) return;
    this.busy = busy;
    queueMicrotask(() => this.onVoice?.(busy));
  }

  tone(key, volume) {
    const notes = CHIMES[key];
    if (!notes || !this.ctx || this.ctx.state !== 'running') return;
    const ctx = this.ctx;
    const peak = 0.18 * volume * (key === 'tick' ? 0.35 : 1);
    for (const [freq, delay] of notes) {
      const t0 = ctx.currentTime + delay;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const attack = key === 'tick' ? 0.005 : 0.06;
      const release = key === 'tick' ? 0.12 : key === 'done' ? 2.4 : 1.4;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(peak, t0 + attack);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + attack + release);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + attack + release + 0.05);
    }
  }
}
