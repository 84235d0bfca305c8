// GET /schema.graphql: the running schema as SDL, the same text as the committed schema.graphql (both sort it),
// for tooling and for the link on GET /. It follows the introspection rule (introspection.plugin.ts): open in
// development, and in production only to a caller the credential gate verified, since the SDL says exactly
// what introspection would.
import type { FastifyInstance } from 'fastify';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export function registerSchemaSdlRoute(fastify: FastifyInstance, options: { production: boolean; schema: () => GraphQLSchema }): void {
  let sdl: string | undefined;
  fastify.get('/schema.graphql', async (request, reply) => {
    if (options.production && !(request as { user?: unknown }).user) {
      return reply.code(403).send({
        errors: [{ message: '匿名调用者不能读取 schema（the schema is not available to anonymous callers）', extensions: { code: 'FORBIDDEN' } }],
      });
    }
    sdl ??= `${printSchema(lexicographicSortSchema(options.schema()))}\n`;
    return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(sdl);
  });
}
