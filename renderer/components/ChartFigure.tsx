/** The frame of every chart: a <figure> that Tab passes by (see useNoTabStopsIn). */
import { useRef, type ComponentProps } from 'react';
import { useNoTabStopsIn } from './keyboard';

export function ChartFigure(props: ComponentProps<'figure'>) {
  const ref = useRef<HTMLElement>(null);
  useNoTabStopsIn(ref);
  return <figure ref={ref} {...props} />;
}
