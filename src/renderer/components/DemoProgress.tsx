// Progress of building the demo world on first start; hidden once it is ready.
import { percent } from '../lib/format';
import { useEngine } from '../store/engine';

export function DemoProgress() {
  const demo = useEngine((s) => s.demo);
  if (!demo || demo.state === 'ready') return null;

  const value = percent(demo.progress);
  const failed = demo.state === 'failed';
  return (
    <div className="demo-progress" data-state={demo.state}>
      <div
        className="progress-track"
        role="progressbar"
        data-testid="demo-progress"
        aria-label="Building demo world"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% ${demo.step}`}
      >
        {/* Width via the CSSOM (React's style prop), which a strict style-src CSP allows. */}
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="progress-text">
        {failed ? `Demo build failed: ${demo.error ?? demo.step}` : `${demo.step} · ${value}%`}
      </span>
    </div>
  );
}
