import { driveClock } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText, Output, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createResilientModel } from '../src/index';
import { openAiApis, requestsTo, simulatedModels } from './simulated-openai';

const weatherInput = z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) });
const weather = tool({ description: 'The weather in a city.', inputSchema: weatherInput });
const recipe = z.object({
  name: z.string(),
  servings: z.number().int().min(1).max(12),
  steps: z.array(z.string()).min(1),
});

describe.each(openAiApis)('tools and structured output over the $api API', ({ api }) => {
  const start = useSimulator();

  async function primaryDownBackupUp() {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'server-error', status: 502 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: false,
      clock,
    });
    return { simulator, clock, resilient };
  }

  it('keeps a tool call intact across a fallback (generateText)', async () => {
    const { simulator, clock, resilient } = await primaryDownBackupUp();

    const result = await driveClock(
      clock,
      generateText({
        model: resilient,
        prompt: 'Weather in Paris?',
        tools: { weather },
        toolChoice: 'required',
      }),
    );

    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]?.toolName).toBe('weather');
    expect(weatherInput.safeParse(result.toolCalls[0]?.input).success).toBe(true);
    expect(requestsTo(simulator, 'primary')).toBe(1);
  });

  it('keeps a streamed tool call intact when the primary stream is cut before content', async () => {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'drop', afterTokens: 0 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: false,
      clock,
    });

    const result = streamText({
      model: resilient,
      prompt: 'Weather in Paris?',
      tools: { weather },
      toolChoice: 'required',
    });
    const toolCalls = await driveClock(clock, Promise.resolve(result.toolCalls));

    expect(toolCalls).toHaveLength(1);
    expect(toolCalls[0]?.toolName).toBe('weather');
    expect(weatherInput.safeParse(toolCalls[0]?.input).success).toBe(true);
    expect(await result.finishReason).toBe('tool-calls');
    expect((await result.providerMetadata)?.resilientLlm).toMatchObject({ targetIndex: 1 });
  });

  it('returns a valid object across a fallback (generateText with Output.object)', async () => {
    const { clock, resilient } = await primaryDownBackupUp();

    const result = await driveClock(
      clock,
      generateText({
        model: resilient,
        prompt: 'A recipe, please.',
        output: Output.object({ schema: recipe }),
      }),
    );

    expect(recipe.safeParse(result.output).success).toBe(true);
    expect(result.providerMetadata?.resilientLlm).toMatchObject({ targetIndex: 1 });
  });

  it('streams a valid object across a fallback (streamText with Output.object)', async () => {
    const { clock, resilient } = await primaryDownBackupUp();

    const result = streamText({
      model: resilient,
      prompt: 'A recipe, please.',
      output: Output.object({ schema: recipe }),
    });
    const output = await driveClock(clock, Promise.resolve(result.output));

    expect(recipe.safeParse(output).success).toBe(true);
  });
});
