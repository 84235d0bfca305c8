// The `Upload` scalar of the GraphQL multipart request convention. The multipart parser (graphql-multipart.ts)
// has already streamed the file to a private temporary file and put an UploadedFile where the `map` field said;
// this scalar only refuses anything else, so a client cannot pass a server path as a plain string.
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * What a resolver receives. Resolver parameters are typed with this interface, not the class: the global
 * ValidationPipe (whitelist, forbidNonWhitelisted) would otherwise validate the class's properties as input.
 */
export interface FileUpload {
  readonly filename: string;
  readonly mimeType: string;
  readonly path: string;
  readonly size: number;
  readonly truncated: boolean;
}

export class UploadedFile implements FileUpload {
  constructor(
    /** The name the client gave; used only for messages, never as a path. */
    readonly filename: string,
    readonly mimeType: string,
    /** Server-side temporary file, removed when the response has been sent. */
    readonly path: string,
    readonly size: number,
    /** True when the file was larger than the limit and was cut short: it must not be imported. */
    readonly truncated: boolean,
  ) {}
}

function notAnUpload(): GraphQLError {
  return new GraphQLError(
    'Upload must be a file sent as a multipart/form-data request (GraphQL multipart request spec: operations, map, then the file)',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: 'Upload',
  description:
    'A file sent with the GraphQL multipart request convention (fields `operations`, `map`, then the file). Requests must carry the header `apollo-require-preflight: true` (or `x-apollo-operation-name`), which browsers cannot add cross-site without a CORS preflight.',
  parseValue: (value) => {
    if (value instanceof UploadedFile) return value;
    throw notAnUpload();
  },
  parseLiteral: () => {
    throw notAnUpload();
  },
  serialize: () => {
    throw new GraphQLError('Upload is an input-only scalar');
  },
});
