// Runs official clients (the `openai` and `@anthropic-ai/sdk` npm packages, and `ollama`) against an
// Ollama base URL directly and through the monitor's gateway, checks that each client receives the
// same answers both ways, and prints what the clients counted through the gateway (requests per
// endpoint, prompt and generated tokens) on a last line `totals {json}` for the caller to compare
// with the gateway's /metrics. Exits non-zero on the first difference.
// With `fleet` as a fourth argument (the gateway URL is then .../fleet), it also checks the reads that
// /fleet routes by model and the refusal of store changes, which no measured series counts.
// Usage: [SKIP_TRANSCRIPTION=1] node sdk-client-check.mjs <direct-base-url> <gateway-base-url> <client-name> [fleet]
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { Ollama } from 'ollama';

const [direct, gateway, clientName, mode] = process.argv.slice(2);
if (!direct || !gateway || !clientName) {
  console.error('usage: node sdk-client-check.mjs <direct-base-url> <gateway-base-url> <client-name>');
  process.exit(2);
}

// The gateway counts per client by the X-Client header (Gateway:ClientHeader in the test fixture).
const headers = { 'X-Client': clientName };
const clients = (base, viaGateway) => ({
  openai: new OpenAI({ baseURL: `${base}/v1`, apiKey: 'not-needed', maxRetries: 0, defaultHeaders: viaGateway ? headers : {} }),
  anthropic: new Anthropic({ baseURL: base, apiKey: 'not-needed', maxRetries: 0, defaultHeaders: viaGateway ? headers : {} }),
  ollama: new Ollama({ host: base, headers: viaGateway ? headers : {} }),
});
const directClients = clients(direct, false);
const gatewayClients = clients(gateway, true);
const totals = { requests: {}, streamed: 0, prompt: 0, generation: 0 };

// Runs one scenario both ways; `run` returns { result, prompt, generation } where result is compared.
// Streamed answers are counted apart: the gateway measures the time to their first token.
async function check(name, endpoint, run, streamed = false) {
  try {
    const expected = await run(directClients);
    const actual = await run(gatewayClients);
    assert.deepEqual(actual.result, expected.result);
    totals.requests[endpoint] = (totals.requests[endpoint] ?? 0) + 1;
    totals.streamed += streamed ? 1 : 0;
    totals.prompt += actual.prompt;
    totals.generation += actual.generation;
    console.log(`ok   ${name}`);
  } catch (error) {
    console.error(`FAIL ${name}: ${error?.stack ?? error}`);
    process.exit(1);
  }
}

const messages = [{ role: 'user', content: 'Why is the sky blue?' }];

await check('openai chat', 'v1/chat/completions', async ({ openai }) => {
  const reply = await openai.chat.completions.create({ model: 'llama3.2', messages, max_tokens: 4 });
  const { choices, usage, object, model } = reply;
  return { result: { choices, usage, object, model }, prompt: usage.prompt_tokens, generation: usage.completion_tokens };
});

await check('openai chat stream', 'v1/chat/completions', async ({ openai }) => {
  const stream = await openai.chat.completions.create({ model: 'llama3.2', messages, max_tokens: 5, stream: true, stream_options: { include_usage: true } });
  const chunks = [];
  let usage;
  for await (const chunk of stream) {
    chunks.push({ choices: chunk.choices, object: chunk.object });
    usage = chunk.usage ?? usage;
  }
  assert.ok(usage, 'the usage chunk it asked for arrives');
  return { result: { chunks, usage }, prompt: usage.prompt_tokens, generation: usage.completion_tokens };
}, true);

await check('openai completions', 'v1/completions', async ({ openai }) => {
  const reply = await openai.completions.create({ model: 'llama3.2', prompt: 'Say hi', max_tokens: 3 });
  return { result: { choices: reply.choices, usage: reply.usage }, prompt: reply.usage.prompt_tokens, generation: reply.usage.completion_tokens };
});

await check('openai completions stream', 'v1/completions', async ({ openai }) => {
  const stream = await openai.completions.create({ model: 'llama3.2', prompt: 'Say hi', max_tokens: 3, stream: true, stream_options: { include_usage: true } });
  const texts = [];
  let usage;
  for await (const chunk of stream) {
    texts.push(chunk.choices.map((c) => [c.text, c.finish_reason, chunk.usage]));
    // Ollama puts usage on every chunk once it is asked for (zeros until the last): the last one counts.
    usage = chunk.usage ?? usage;
  }
  assert.ok(usage?.completion_tokens > 0, 'the usage chunk it asked for arrives');
  return { result: { texts, usage }, prompt: usage.prompt_tokens, generation: usage.completion_tokens };
}, true);

await check('openai responses', 'v1/responses', async ({ openai }) => {
  const reply = await openai.responses.create({ model: 'llama3.2', input: 'Why is the sky blue?', instructions: 'Be brief', max_output_tokens: 4 });
  assert.equal(reply.status, 'completed');
  return {
    result: { text: reply.output_text, status: reply.status, usage: reply.usage, types: reply.output.map((o) => o.type) },
    prompt: reply.usage.input_tokens,
    generation: reply.usage.output_tokens,
  };
});

await check('openai responses stream', 'v1/responses', async ({ openai }) => {
  const stream = await openai.responses.create({ model: 'llama3.2', input: [{ role: 'user', content: 'Why is the sky blue?' }], max_output_tokens: 5, stream: true });
  const events = [];
  let completed;
  for await (const event of stream) {
    events.push([event.type, event.sequence_number, event.delta ?? null]);
    if (event.type === 'response.completed') completed = event.response;
  }
  assert.ok(completed, 'response.completed arrives');
  return {
    result: { events, text: completed.output_text ?? completed.output.map((o) => o.content?.map((c) => c.text).join('')).join(''), usage: completed.usage },
    prompt: completed.usage.input_tokens,
    generation: completed.usage.output_tokens,
  };
}, true);

await check('anthropic messages', 'v1/messages', async ({ anthropic }) => {
  const reply = await anthropic.messages.create({ model: 'llama3.2', max_tokens: 4, messages });
  const { content, stop_reason, usage, role, type } = reply;
  return { result: { content, stop_reason, usage, role, type }, prompt: usage.input_tokens, generation: usage.output_tokens };
});

await check('anthropic messages stream', 'v1/messages', async ({ anthropic }) => {
  const stream = anthropic.messages.stream({ model: 'llama3.2', max_tokens: 5, system: 'Be brief', messages });
  const events = [];
  for await (const event of stream) {
    events.push([event.type, event.index ?? null, event.delta ?? null]);
  }
  const final = await stream.finalMessage();
  const { content, stop_reason, usage } = final;
  return { result: { events, content, stop_reason, usage }, prompt: usage.input_tokens, generation: usage.output_tokens };
}, true);

// deepseek-r1:8b thinks first: 19 tokens of thinking, then the answer.
await check('anthropic messages stream with thinking', 'v1/messages', async ({ anthropic }) => {
  const stream = anthropic.messages.stream({ model: 'deepseek-r1:8b', max_tokens: 23, messages });
  const events = [];
  for await (const event of stream) {
    events.push([event.type, event.index ?? null, event.delta ?? null]);
  }
  const final = await stream.finalMessage();
  assert.deepEqual(final.content.map((c) => c.type), ['thinking', 'text']);
  const { content, stop_reason, usage } = final;
  return { result: { events, content, stop_reason, usage }, prompt: usage.input_tokens, generation: usage.output_tokens };
}, true);

await check('openai responses stream with reasoning', 'v1/responses', async ({ openai }) => {
  const stream = await openai.responses.create({ model: 'deepseek-r1:8b', input: 'Why is the sky blue?', max_output_tokens: 23, stream: true });
  const events = [];
  let completed;
  for await (const event of stream) {
    events.push([event.type, event.sequence_number, event.delta ?? null]);
    if (event.type === 'response.completed') completed = event.response;
  }
  assert.deepEqual(completed.output.map((o) => o.type), ['reasoning', 'message']);
  return { result: { events, output: completed.output.map((o) => o.summary ?? o.content), usage: completed.usage }, prompt: completed.usage.input_tokens, generation: completed.usage.output_tokens };
}, true);

// A transcription answers nothing until the whole text is generated: SKIP_TRANSCRIPTION=1 leaves it out
// where the gateway's upstream timeout is shorter than the simulator's answer.
if (process.env.SKIP_TRANSCRIPTION !== '1') await check('openai audio transcription', 'v1/audio/transcriptions', async ({ openai }) => {
  const file = new File([new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3])], 'speech.wav', { type: 'audio/wav' });
  const reply = await openai.audio.transcriptions.create({ model: 'llama3.2', file });
  // A transcription reports no usage: the gateway counts the request, and no tokens.
  return { result: reply, prompt: 0, generation: 0 };
});

await check('ollama chat stream', 'chat', async ({ ollama }) => {
  const parts = [];
  let done;
  for await (const part of await ollama.chat({ model: 'llama3.2', messages, stream: true, options: { num_predict: 3 } })) {
    if (part.done) done = part;
    else parts.push(part.message.content);
  }
  return { result: { parts, reason: done.done_reason, counts: [done.prompt_eval_count, done.eval_count] }, prompt: done.prompt_eval_count, generation: done.eval_count };
}, true);

await check('ollama generate', 'generate', async ({ ollama }) => {
  const reply = await ollama.generate({ model: 'llama3.2', prompt: 'Hello', stream: false, options: { num_predict: 2 } });
  return { result: { response: reply.response, reason: reply.done_reason, counts: [reply.prompt_eval_count, reply.eval_count] }, prompt: reply.prompt_eval_count, generation: reply.eval_count };
});

// Passed through, not measured: compared, but not part of the totals.
async function same(name, run) {
  try {
    assert.deepEqual(await run(gatewayClients), await run(directClients));
    console.log(`ok   ${name}`);
  } catch (error) {
    console.error(`FAIL ${name}: ${error?.stack ?? error}`);
    process.exit(1);
  }
}

if (mode === 'fleet') {
  await same('ollama show, routed by the model in its body', ({ ollama }) => ollama.show({ model: 'llama3.2' }));
  await same('openai models.retrieve, routed by the model in its path', ({ openai }) => openai.models.retrieve('llama3.2'));
  try {
    await gatewayClients.ollama.pull({ model: 'llama3.2', stream: false });
    console.error('FAIL ollama pull through /fleet: it was not refused');
    process.exit(1);
  } catch (error) {
    assert.equal(error.status_code, 400);
    assert.equal(error.error, '/api/pull changes the models of one host, so /fleet cannot route it: address one host with /h/{host}/api/pull');
    console.log('ok   ollama pull through /fleet is refused with a pointer to /h/{host}');
  }
}

console.log(`totals ${JSON.stringify(totals)}`);
