import type { Channel, OutputOf, ParsedInputOf } from '../../../shared/contract';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** The handlers of the operations whose names start with `<area>.`. */
export type AreaHandlers<Area extends string> = { [C in Channel as C extends `${Area}.${string}` ? C : never]: Handlers[C] };
