// The teleconsultation's "start" button: camera and microphone are a third party's (the video
// service), so the page asks for the audio and video purpose when the visitor starts the call,
// not before (ConsentLedger.ask). Allowed, the gated video room below loads in its box; "Not now",
// nothing loads, and a second click is answered at once without asking again.
document.addEventListener('click', async (event) => {
  const button = event.target.closest?.('[data-start-call]');
  const consent = window.ConsentLedger;
  if (!button || !consent) return;
  const status = document.getElementById('call-status');
  const granted = await consent.ask('audiovideo', { reason: button.dataset.reason });
  status.textContent = granted ? status.dataset.started : status.dataset.declined;
  if (granted) document.querySelector('iframe[data-consent="audiovideo"]')?.scrollIntoView({ block: 'nearest' });
});
