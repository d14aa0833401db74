/**
 * EcgStripViewer: a stored ECG strip drawn like ECG paper (25 mm/s, 10 mm/mV,
 * millimetre grid), with a text summary beside it.
 *
 * Inputs:
 * - `waveform` (required): the observation's `waveform` (base64 int16 leads);
 *   the limb leads III, aVR, aVL and aVF are computed from I and II when absent.
 * - `heartRate`: the heart rate derived from the strip, /min (null: not estimated).
 *
 * The canvas is an image (role="img") whose name gives the duration, the
 * leads and the heart rate; the summary under it says the same in full. With
 * several leads, a radio group picks the 10-second stretch shown.
 */
import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, InjectionToken, input, signal, viewChild } from '@angular/core';
import { _IdGenerator } from '@angular/cdk/a11y';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language';
import { drawEcg, ecgLayout, leadsOf, PX_PER_MM, ROW_S, segmentCount, stripDurationS, type EcgLayout } from './ecg-drawing';
import { stripOf, type Waveform } from './ecg-observation';

/** Paints an ECG layout on a canvas (injected: jsdom has no 2D context). */
export type DrawEcgStrip = (canvas: HTMLCanvasElement, layout: EcgLayout) => void;

/** The canvas 2D renderer by default. */
export const ECG_STRIP_RENDERER = new InjectionToken<DrawEcgStrip>('ECG_STRIP_RENDERER', {
  providedIn: 'root',
  factory: () => (canvas, layout) => {
    const context = canvas.getContext('2d');
    if (context) drawEcg(context, layout);
  },
});

@Component({
  selector: 'app-ecg-strip-viewer',
  imports: [TranslatePipe],
  template: `
    @let rate = heartRate() === null ? ('devices.ecg.rateUnknown' | translate) : bpmText();
    @let leadsText = leadsKey() | translate: leadsParams();
    <figure class="ecg">
      @if (segments().length > 1) {
        <fieldset class="segments">
          <legend>{{ 'devices.ecg.segmentLegend' | translate }}</legend>
          @for (s of segments(); track s.index) {
            <label class="segment">
              <input type="radio" [name]="baseId + '-segment'" [checked]="segment() === s.index" (change)="segment.set(s.index)" />
              <span>{{ 'devices.ecg.segment' | translate: { from: s.from, to: s.to } }}</span>
            </label>
          }
        </fieldset>
      }
      <div class="paper">
        <canvas
          #canvas
          role="img"
          [attr.width]="layout().widthMm * px"
          [attr.height]="layout().heightMm * px"
          [attr.aria-label]="'devices.ecg.label' | translate: { duration: duration(), leads: leadsText, rate: rate }"
        ></canvas>
      </div>
      <figcaption>
        <p class="summary">
          {{ 'devices.ecg.summary' | translate: { leads: leadsText, duration: duration(), sampleRate: sampleRate(), rate: rate } }}
        </p>
        <p class="scale">{{ 'devices.ecg.scale' | translate }}</p>
      </figcaption>
    </figure>
  `,
  styles: `
    .ecg {
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .paper {
      border: 1px solid #a3b7cc;
      background: #fff;
    }
    canvas {
      display: block;
      width: 100%;
      height: auto;
    }
    .segments {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0;
      border: none;
      padding: 0;
    }
    .segments legend {
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    .segment {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 48px;
      padding: 0 0.75rem;
      border: 2px solid #a3b7cc;
      border-radius: 8px;
      cursor: pointer;
    }
    .segment:has(input:checked) {
      border-color: #0066cc;
      background: #e8f1fa;
    }
    .segment:has(input:focus-visible) {
      outline: 3px solid #17324d;
      outline-offset: 2px;
    }
    .segment input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    figcaption p {
      margin: 0;
    }
    .scale {
      color: #455b71;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EcgStripViewer {
  /** The stored strip. */
  readonly waveform = input.required<Waveform>();
  /** Heart rate derived from the strip, /min; null when it could not be estimated. */
  readonly heartRate = input<number | null>(null);

  private readonly draw = inject(ECG_STRIP_RENDERER);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly lang = inject(LanguageService).current;
  protected readonly baseId = inject(_IdGenerator).getId('ecg-strip-');
  protected readonly px = PX_PER_MM;

  protected readonly strip = computed(() => stripOf(this.waveform()));
  protected readonly segment = signal(0);
  protected readonly layout = computed(() => ecgLayout(this.strip(), this.segment()));
  protected readonly duration = computed(() => this.number(stripDurationS(this.strip())));
  protected readonly sampleRate = computed(() => this.number(this.strip().sampleRateHz));
  protected readonly leads = computed(() => leadsOf(this.strip()));
  protected readonly leadsKey = computed(() => (this.leads().length === 1 ? 'devices.ecg.leadsOne' : 'devices.ecg.leadsMany'));
  protected readonly leadsParams = computed(() => ({ count: String(this.leads().length), names: this.leads().join(', ') }));
  /** The rate with its unit ("72 bpm"). */
  protected readonly bpmText = computed(() => `${Math.round(this.heartRate() ?? 0)} bpm`);
  /** The 10-second stretches a multi-lead strip can show (a single lead shows them all, one per row). */
  protected readonly segments = computed(() => {
    if (this.leads().length <= 1) return [];
    const duration = stripDurationS(this.strip());
    return Array.from({ length: segmentCount(this.strip()) }, (_, index) => ({
      index,
      from: this.number(index * ROW_S),
      to: this.number(Math.min(duration, (index + 1) * ROW_S)),
    }));
  });

  constructor() {
    afterRenderEffect({ write: () => this.draw(this.canvas().nativeElement, this.layout()) });
  }

  private number(value: number): string {
    return new Intl.NumberFormat(this.lang() === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1, useGrouping: false }).format(value);
  }
}
