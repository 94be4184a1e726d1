import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Problem, problems, type FieldError } from '../problem';
import { thaiOf } from './schemas';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Thai wording for the zod issue codes people meet in forms. */
function thaiMessageFor(code: string | undefined, message: string): string {
  switch (code) {
    case 'invalid_type':
      return message.includes('received undefined') ? 'ต้องกรอกช่องนี้' : 'ชนิดข้อมูลไม่ถูกต้อง';
    case 'too_small':
      return 'สั้นหรือน้อยเกินไป';
    case 'too_big':
      return 'ยาวหรือมากเกินไป';
    case 'invalid_format':
    case 'invalid_string':
      return 'รูปแบบไม่ถูกต้อง';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'ไม่ใช่ค่าที่ระบบรับ';
    case 'unrecognized_keys':
      return 'มีช่องข้อมูลที่ระบบไม่รู้จัก';
    case 'custom':
      return message;
    default:
      return 'ข้อมูลไม่ถูกต้อง';
  }
}

function fieldErrorsOf(error: FastifyError & { validation: unknown[]; validationContext?: string }): FieldError[] {
  return error.validation.map((raw) => {
    const issue = raw as { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> };
    const params = issue.params ?? {};
    const zodIssue = (params.issue ?? {}) as { code?: string; keys?: string[]; params?: { th?: string; reason?: string } };
    // A custom issue's own params (fastify-type-provider-zod puts the issue's fields in `params`).
    const custom = { ...(params.params as { th?: string; reason?: string } | undefined), ...zodIssue.params };
    // A rule's own reason (`latin-in-thai`, `checksum`) says more to a client than Zod's `custom`.
    const zodCode = zodIssue.code ?? issue.keyword;
    const code = custom.reason ?? zodCode ?? 'invalid';
    const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const message = issue.message ?? 'Invalid value';
    // An unknown field is named in the path, so a form can point at it.
    const unknownKeys = zodIssue.keys ?? [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const keys = code === 'unrecognized_keys' && unknownKeys.length ? `.${unknownKeys.join(',')}` : '';
    return {
      field: `${error.validationContext ?? 'body'}${path ? `.${path}` : ''}${keys}`,
      code,
      message,
      messageTh: custom.th ?? thaiOf(message) ?? thaiMessageFor(zodCode, message),
    };
  });
}

/** Maps any error to a problem document; the stack trace stays in the log. */
export function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return problems.validation(fieldErrorsOf(error as never));
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problems.tooLarge(request.server.initialConfig.bodyLimit ?? 0);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.malformed({
        en: 'The body is empty but Content-Type says JSON.',
        th: 'ไม่มีข้อมูลในคำขอ แต่ระบุว่าเป็น JSON',
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problems.malformed({
        en: `The body is not valid JSON: ${fastifyError.message}`,
        th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง',
      });
  }
  if (fastifyError.statusCode === 429) return problems.tooManyRequests(60);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return problems.malformed({ en: `The body is not valid JSON: ${error.message}`, th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง' });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new Problem(fastifyError.statusCode, 'request', 'Bad request', 'คำขอไม่ถูกต้อง', fastifyError.message, 'คำขอไม่ถูกต้อง');
  }
  return problems.internal();
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type(PROBLEM_TYPE)
    .send(problem.toDocument({ instance: reply.request.url.split('?')[0], requestId: String(reply.request.id) }));
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500 || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ problem: problem.slug, status: problem.status }, 'request refused');
    }
    return sendProblem(reply, problem);
  });
}
