/**
 * Request-building classes found on real specs, each reproduced on a small spec: generated through
 * the whole pipeline, then run through the runtime against a recording server on 127.0.0.1, and the
 * request checked as it arrived.
 */
import { describe, expect, it } from 'vitest';
import { generateSpec, jsonBody, OK, openapi, sendAction } from './spec-request.ts';

describe('a GET or HEAD never carries a body (Stripe: optional form bodies on 216 GETs)', () => {
  const spec = openapi({
    paths: {
      '/v1/account': {
        get: {
          operationId: 'get_account',
          parameters: [{ name: 'expand', in: 'query', schema: { type: 'array', items: { type: 'string' } } }],
          requestBody: {
            required: false,
            content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { note: { type: 'string' } } } } },
          },
          responses: OK,
        },
      },
    },
  });

  it('plans the action without a body and warns with the pointer of the requestBody', async () => {
    const generated = await generateSpec(spec);
    const action = generated.action('get_account');
    expect(action.api.body).toBeUndefined();
    expect(Object.keys(action.inputSchema)).toEqual(['expand']);
    expect(generated.warnings).toContainEqual({
      pointer: '/paths/~1v1~1account/get/requestBody',
      message: 'an optional request body on a GET operation is left out: a GET request cannot carry one',
    });
  });

  it('sends the GET with its query and no body', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'get_account', input: { expand: ['a'] } });
    expect(response.error).toBeUndefined();
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/account?expand=a');
    expect(request?.body.byteLength).toBe(0);
    expect(request?.contentType).toBeUndefined();
  });
});

describe('an any-value schema accepts null (Cloudflare: 151 DELETEs with `{}` bodies)', () => {
  it('sends null as the JSON body', async () => {
    const generated = await generateSpec(
      openapi({ paths: { '/items/{id}': { delete: { operationId: 'delete_item', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: jsonBody({}), responses: OK } } } }),
    );
    const { response, request } = await sendAction({ generated, actionId: 'delete_item', input: { id: 'x', body: null } });
    expect(response.error).toBeUndefined();
    expect(request?.method).toBe('DELETE');
    expect(request?.body.toString()).toBe('null');
    expect(request?.contentType).toBe('application/json');
  });

  it('accepts null in a typeless property too, but not where the type is stated', async () => {
    const generated = await generateSpec(
      openapi({
        paths: {
          '/items': {
            post: {
              operationId: 'create_item',
              requestBody: jsonBody({ type: 'object', properties: { anything: { description: 'any value' }, name: { type: 'string' } } }),
              responses: OK,
            },
          },
        },
      }),
    );
    const ok = await sendAction({ generated, actionId: 'create_item', input: { anything: null } });
    expect(ok.response.error).toBeUndefined();
    expect(ok.request?.body.toString()).toBe('{"anything":null}');
    const refused = await sendAction({ generated, actionId: 'create_item', input: { name: null } });
    expect(refused.response.error?.code).toBe('VALIDATION_ERROR');
    expect(refused.request).toBeUndefined();
  });
});

describe('a oneOf whose variants were cut to opaque values', () => {
  // A recursive schema: below the cycle the variants are opaque, so a value fits several of them.
  const spec = openapi({
    paths: {
      '/filters': { post: { operationId: 'create_filter', requestBody: jsonBody({ $ref: '#/components/schemas/Filter' }), responses: OK } },
    },
    schemas: {
      Filter: {
        type: 'object',
        properties: { filters: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Filter' }, { $ref: '#/components/schemas/Filter' }] } } },
      },
    },
  });

  it('does not make every value "match more than one variant"', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'create_filter', input: { filters: [{ filters: [] }] } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"filters":[{"filters":[]}]}');
  });

  it('still refuses a value that two distinct, fully checked variants accept', async () => {
    const generated = await generateSpec(
      openapi({
        paths: {
          '/pets': {
            post: {
              operationId: 'create_pet',
              requestBody: jsonBody({ type: 'object', properties: { pet: { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'number' } } }] } } }),
              responses: OK,
            },
          },
        },
      }),
    );
    const { response } = await sendAction({ generated, actionId: 'create_pet', input: { pet: {} } });
    expect(response.error?.message).toContain('matches more than one variant');
  });
});

describe('allOf: [$ref] beside enum keeps the enum (Discord commands and components)', () => {
  const spec = openapi({
    paths: {
      '/commands': {
        post: {
          operationId: 'create_command',
          requestBody: jsonBody({
            type: 'object',
            properties: { option: { oneOf: [{ $ref: '#/components/schemas/StringOption' }, { $ref: '#/components/schemas/AttachmentOption' }] } },
          }),
          responses: OK,
        },
      },
    },
    schemas: {
      OptionType: { type: 'integer', oneOf: [{ title: 'STRING', const: 3 }, { title: 'ATTACHMENT', const: 11 }] },
      StringOption: {
        type: 'object',
        required: ['type', 'name'],
        properties: { type: { type: 'integer', enum: [3], allOf: [{ $ref: '#/components/schemas/OptionType' }] }, name: { type: 'string' } },
      },
      AttachmentOption: {
        type: 'object',
        required: ['type', 'name'],
        properties: { type: { type: 'integer', enum: [11], allOf: [{ $ref: '#/components/schemas/OptionType' }] }, name: { type: 'string' } },
      },
    },
  });

  it('plans the tag as a select of its enum', async () => {
    const generated = await generateSpec(spec);
    const variants = generated.action('create_command').inputSchema.option?.variants ?? [];
    expect(variants.map((variant) => variant.field.properties?.type?.options?.map((option) => option.value))).toEqual([[3], [11]]);
  });

  it('sends a value that only one variant accepts', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'create_command', input: { option: { type: 11, name: 'file' } } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"option":{"type":11,"name":"file"}}');
    const refused = await sendAction({ generated, actionId: 'create_command', input: { option: { type: 4, name: 'file' } } });
    expect(refused.response.error?.code).toBe('VALIDATION_ERROR');
  });
});

describe('a discriminator tag is checked against the mapping values (OpenAI: role "system")', () => {
  // The variants are cut to opaque values (depth), so only the mapping can name their tags.
  const deep = (inner: unknown) => ({ type: 'object', properties: { level: inner } });
  const spec = openapi({
    paths: {
      '/chat': {
        post: {
          operationId: 'create_chat',
          requestBody: jsonBody(deep(deep(deep({ type: 'array', items: { $ref: '#/components/schemas/Message' } })))),
          responses: OK,
        },
      },
      '/direct': {
        post: {
          operationId: 'create_direct',
          requestBody: jsonBody({ type: 'object', properties: { message: { $ref: '#/components/schemas/Message' } } }),
          responses: OK,
        },
      },
    },
    schemas: {
      Message: {
        oneOf: [{ $ref: '#/components/schemas/SystemMessage' }, { $ref: '#/components/schemas/UserMessage' }],
        discriminator: { propertyName: 'role', mapping: { system: '#/components/schemas/SystemMessage', user: '#/components/schemas/UserMessage' } },
      },
      SystemMessage: { type: 'object', required: ['role', 'content'], properties: { role: { type: 'string' }, content: { type: 'string' } } },
      UserMessage: { type: 'object', required: ['role', 'content'], properties: { role: { type: 'string' }, content: { type: 'string' } } },
    },
  });

  it('accepts role "system" and sends it', async () => {
    const generated = await generateSpec(spec);
    const message = { role: 'system', content: 'be brief' };
    const direct = await sendAction({ generated, actionId: 'create_direct', input: { message } });
    expect(direct.response.error).toBeUndefined();
    expect(direct.request?.body.toString()).toBe('{"message":{"role":"system","content":"be brief"}}');
    const nested = await sendAction({ generated, actionId: 'create_chat', input: { level: { level: { level: [message] } } } });
    expect(nested.response.error).toBeUndefined();
  });

  it('refuses a tag outside the mapping, naming the mapping values', async () => {
    const generated = await generateSpec(spec);
    const { response } = await sendAction({ generated, actionId: 'create_direct', input: { message: { role: 'SystemMessage', content: 'x' } } });
    expect(response.error?.message).toBe('input.message.role: must be one of: "system", "user"');
  });
});

describe('a discriminator without a mapping: the schema names are the tags (OpenAPI implicit mapping)', () => {
  const spec = openapi({
    paths: { '/pets': { post: { operationId: 'create_pet', requestBody: jsonBody({ type: 'object', properties: { pet: { $ref: '#/components/schemas/Pet' } } }), responses: OK } } },
    schemas: {
      Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType' } },
      Cat: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, name: { type: 'string' } } },
      Dog: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, name: { type: 'string' } } },
    },
  });

  it('accepts a schema name as the tag even though both shapes fit', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'create_pet', input: { pet: { petType: 'Dog', name: 'Rex' } } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"pet":{"petType":"Dog","name":"Rex"}}');
    const refused = await sendAction({ generated, actionId: 'create_pet', input: { pet: { petType: 'Cow' } } });
    expect(refused.response.error?.message).toBe('input.pet.petType: must be one of: "Cat", "Dog"');
  });
});

describe('readOnly through allOf or a $ref is honoured', () => {
  const spec = openapi({
    version: '3.0.3',
    paths: { '/users': { post: { operationId: 'create_user', requestBody: jsonBody({ $ref: '#/components/schemas/User' }), responses: OK } } },
    schemas: {
      Id: { type: 'string', readOnly: true },
      Timestamp: { type: 'string', format: 'date-time' },
      User: {
        type: 'object',
        required: ['id', 'created', 'name'],
        properties: {
          id: { $ref: '#/components/schemas/Id' },
          created: { allOf: [{ $ref: '#/components/schemas/Timestamp' }, { readOnly: true }] },
          name: { type: 'string' },
        },
      },
    },
  });

  it('is not an input, not required, and not sent', async () => {
    const generated = await generateSpec(spec);
    expect(Object.keys(generated.action('create_user').inputSchema)).toEqual(['name']);
    const { response, request } = await sendAction({ generated, actionId: 'create_user', input: { name: 'Ann' } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"name":"Ann"}');
  });
});

describe('format: binary is a file only at the top of a multipart or octet-stream body', () => {
  it('inside a JSON body it is a string, sent as text', async () => {
    const generated = await generateSpec(
      openapi({
        paths: {
          '/uploads': {
            post: {
              operationId: 'create_upload',
              requestBody: jsonBody({ type: 'object', properties: { data: { type: 'string', format: 'binary' }, meta: { type: 'object', properties: { raw: { type: 'string', format: 'binary' } } } } }),
              responses: OK,
            },
          },
        },
      }),
    );
    const field = generated.action('create_upload').inputSchema.data;
    expect(field?.inputType).toBeUndefined();
    const { response, request } = await sendAction({ generated, actionId: 'create_upload', input: { data: 'sample', meta: { raw: 'x' } } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"data":"sample","meta":{"raw":"x"}}');
    const bytes = await sendAction({ generated, actionId: 'create_upload', input: { data: new Uint8Array([115]) } });
    expect(bytes.response.error?.code).toBe('VALIDATION_ERROR');
    expect(bytes.request).toBeUndefined();
  });

  it('at the top of a multipart body it is a file part; nested it is JSON', async () => {
    const generated = await generateSpec(
      openapi({
        paths: {
          '/files': {
            post: {
              operationId: 'upload_file',
              requestBody: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: {
                      type: 'object',
                      properties: {
                        file: { type: 'string', format: 'binary' },
                        extra: { type: 'array', items: { type: 'string', format: 'binary' } },
                        meta: { type: 'object', properties: { raw: { type: 'string', format: 'binary' } } },
                      },
                    },
                  },
                },
              },
              responses: OK,
            },
          },
        },
      }),
    );
    const input = generated.action('upload_file').inputSchema;
    expect(input.file?.inputType).toBe('file');
    expect(input.extra?.itemSchema?.inputType).toBe('file');
    expect(input.meta?.properties?.raw?.inputType).toBeUndefined();
    const { response, request } = await sendAction({
      generated,
      actionId: 'upload_file',
      input: { file: { data: 'abc', filename: 'a.txt' }, extra: [new Uint8Array([1])], meta: { raw: 'x' } },
    });
    expect(response.error).toBeUndefined();
    const text = request?.body.toString() ?? '';
    expect(text).toContain('name="file"; filename="a.txt"');
    expect(text).toContain('name="extra"; filename="extra"');
    expect(text).toContain('name="meta"\r\nContent-Type: application/json\r\n\r\n{"raw":"x"}');
  });
  it('a whole multipart body (a oneOf of part sets) keeps its binary parts as files', async () => {
    const generated = await generateSpec(
      openapi({
        paths: {
          '/scripts': {
            put: {
              operationId: 'upload_script',
              requestBody: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: {
                      oneOf: [
                        { type: 'object', required: ['script'], properties: { script: { type: 'string', format: 'binary' }, metadata: { type: 'object', properties: { main: { type: 'string' } } } } },
                        { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
                      ],
                    },
                  },
                },
              },
              responses: OK,
            },
          },
        },
      }),
    );
    const body = generated.action('upload_script').inputSchema.body;
    expect(body?.variants?.[0]?.field.properties?.script?.inputType).toBe('file');
    const { response, request } = await sendAction({
      generated,
      actionId: 'upload_script',
      input: { body: { script: new Uint8Array([104, 105]), metadata: { main: 'a.js' } } },
    });
    expect(response.error).toBeUndefined();
    const text = request?.body.toString() ?? '';
    expect(text).toContain('name="script"; filename="script"\r\nContent-Type: application/octet-stream\r\n\r\nhi');
    expect(text).toContain('name="metadata"\r\nContent-Type: application/json\r\n\r\n{"main":"a.js"}');
  });
});

describe('null multipart and form fields are left out', () => {
  const body = (mediaType: string) => ({
    required: true,
    content: { [mediaType]: { schema: { type: 'object', properties: { name: { type: 'string' }, note: { type: 'string', nullable: true }, meta: { type: 'object', properties: { a: { type: 'string', nullable: true }, b: { type: 'string' } } } } } } },
  });
  const spec = openapi({
    version: '3.0.3',
    paths: {
      '/multipart': { post: { operationId: 'send_multipart', requestBody: body('multipart/form-data'), responses: OK } },
      '/form': { post: { operationId: 'send_form', requestBody: body('application/x-www-form-urlencoded'), responses: OK } },
    },
  });

  it('multipart: no part for a null field', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'send_multipart', input: { name: 'n', note: null } });
    expect(response.error).toBeUndefined();
    const form = await new Response(new Uint8Array(request?.body ?? []), { headers: { 'content-type': request?.contentType ?? '' } }).formData();
    expect([...form.keys()]).toEqual(['name']);
  });

  it('form: no pair for a null field, at the top or nested', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'send_form', input: { name: 'n', note: null, meta: { a: null, b: 'x' } } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('name=n&meta[b]=x');
  });
});

describe('an octet-stream body declared type: string, format: byte is sent base64-encoded', () => {
  const spec = openapi({
    paths: {
      '/blobs': {
        put: {
          operationId: 'put_blob',
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'byte' } } } },
          responses: OK,
        },
      },
    },
  });

  it('encodes bytes as base64 text and sends a string as the base64 text it is', async () => {
    const generated = await generateSpec(spec);
    const bytes = await sendAction({ generated, actionId: 'put_blob', input: { body: new Uint8Array([0, 1, 2, 255]) } });
    expect(bytes.response.error).toBeUndefined();
    expect(bytes.request?.body.toString()).toBe('AAEC/w==');
    expect(bytes.request?.contentType).toBe('application/octet-stream');
    const text = await sendAction({ generated, actionId: 'put_blob', input: { body: 'AAEC/w==' } });
    expect(text.request?.body.toString()).toBe('AAEC/w==');
  });

  it('format: binary stays raw bytes', async () => {
    const generated = await generateSpec(
      openapi({ paths: { '/raw': { put: { operationId: 'put_raw', requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: OK } } } }),
    );
    const { request } = await sendAction({ generated, actionId: 'put_raw', input: { body: new Uint8Array([0, 255]) } });
    expect([...(request?.body ?? [])]).toEqual([0, 255]);
  });
});

describe('properties without a type: object only where unambiguous', () => {
  const spec = openapi({
    paths: {
      '/records': {
        post: {
          operationId: 'create_record',
          requestBody: jsonBody({
            type: 'object',
            properties: {
              // Properties and a string keyword: a string is as valid as an object.
              value: { properties: { id: { type: 'string' } }, pattern: '^[a-z]+$' },
              // Properties alone: an object.
              settings: { properties: { enabled: { type: 'boolean' } } },
              // A member states the type; the merge must not override it with `object`.
              label: { allOf: [{ type: 'string' }, { properties: { x: { type: 'string' } } }] },
            },
          }),
          responses: OK,
        },
      },
    },
  });

  it('accepts a string where the field allows one, and sends it', async () => {
    const generated = await generateSpec(spec);
    const { response, request } = await sendAction({ generated, actionId: 'create_record', input: { value: 'abc', label: 'l', settings: { enabled: true } } });
    expect(response.error).toBeUndefined();
    expect(request?.body.toString()).toBe('{"value":"abc","settings":{"enabled":true},"label":"l"}');
  });

  it('still infers object where nothing else is said', async () => {
    const generated = await generateSpec(spec);
    expect(generated.action('create_record').inputSchema.settings?.type).toBe('object');
    const { response } = await sendAction({ generated, actionId: 'create_record', input: { settings: 'on' } });
    expect(response.error?.message).toBe('input.settings: expected object, got string');
  });
});
