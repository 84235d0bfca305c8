// Nest's ValidationPipe turns every argument object into its class (class-transformer) and then checks the class's
// decorators (class-validator). For the public search that cost the API ~5 % of its CPU per request under load
// (`perf` on the bench's full-page mix: ~0.1 ms of ~1.8 ms), for arguments that are nearly always plain and valid.
// An argument class may declare `acceptPlain`: a hand-written check that returns the class instance for arguments
// it can see are valid, and null for anything else. Null sends the arguments through the ValidationPipe as before,
// so every rejection still comes from class-validator, with its field paths and messages; `acceptPlain` may only
// accept what the pipe would accept, and must build what the pipe would build (each class's spec checks both).
import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';

/** An argument class whose valid plain arguments can be recognised without class-validator. */
export interface PlainArgsAcceptor<T> {
  acceptPlain(value: unknown): T | null;
}

function acceptorOf(metatype: unknown): PlainArgsAcceptor<unknown> | null {
  const candidate = metatype as Partial<PlainArgsAcceptor<unknown>> | undefined;
  return typeof metatype === 'function' && typeof candidate?.acceptPlain === 'function' ? (candidate as PlainArgsAcceptor<unknown>) : null;
}

/**
 * The options that only change how a rejection is reported. Any other (transformOptions, expectedType, groups,
 * skip… and forbidUnknownValues, other validator or transformer packages …) changes what the pipe accepts or
 * builds, which acceptPlain does not follow: such a pipe is refused at construction.
 */
const REPORTING_OPTIONS: ReadonlySet<string> = new Set(['transform', 'whitelist', 'forbidNonWhitelisted', 'exceptionFactory', 'errorHttpStatusCode', 'disableErrorMessages', 'enableDebugMessages', 'stopAtFirstError', 'maxErrorMessagesLength']);

export class ArgsValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    // Only with these options does "what the pipe would build" mean a class instance holding exactly the known keys.
    if (options.transform !== true || options.whitelist !== true || options.forbidNonWhitelisted !== true) {
      throw new Error('ArgsValidationPipe needs transform, whitelist and forbidNonWhitelisted');
    }
    const other = Object.keys(options).filter((option) => !REPORTING_OPTIONS.has(option));
    if (other.length > 0) throw new Error(`ArgsValidationPipe does not follow the option(s) ${other.join(', ')}`);
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only where the pipe itself would validate (not a custom decorator's value, for one).
    const acceptor = this.toValidate(metadata) ? acceptorOf(metadata.metatype) : null;
    const accepted = acceptor?.acceptPlain(value) ?? null;
    return accepted !== null ? accepted : super.transform(value, metadata);
  }
}

/**
 * A copy of a plain object whose own properties are all plain, enumerable data under `known` keys (what GraphQL's
 * coercion builds); null for anything else, which the pipe then judges: a key the pipe forbids, a getter (the pipe
 * may read it more than once, and get another answer), a hidden or symbol-keyed property, another prototype.
 */
export function plainCopy(value: unknown, known: ReadonlySet<string>): Record<string, unknown> | null {
  if (!isPlainObject(value)) return null;
  // No prototype to inherit from, and no key that would set one when the copy is assigned to an instance.
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Reflect.ownKeys(value)) {
    const property = Object.getOwnPropertyDescriptor(value, key);
    if (typeof key !== 'string' || !known.has(key) || key === '__proto__' || !property || !property.enumerable || !('value' in property)) return null;
    copy[key] = property.value;
  }
  return copy;
}

/** An optional string of at most `max` UTF-16 units (class-validator's MaxLength counts characters: never more). */
export function optionalString(value: unknown, max: number): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.length <= max);
}

/** A plain object (what GraphQL's coercion builds for an input object), not an instance of some other class. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
