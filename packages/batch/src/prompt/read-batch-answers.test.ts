import { describe, expect, it } from 'vitest';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { parseBatchText } from './parse-batch-text';
import { readBatchAnswers } from './read-batch-answers';

describe('readBatchAnswers', () => {
  it('finds each answer by id, whatever the order, numbers and strings alike', () => {
    const answerOf = readBatchAnswers({
      answers: [
        { id: 2, answer: 'two' },
        { id: ' 1 ', answer: 'one' },
        { id: '9', answer: 'unknown id' },
      ],
    });
    expect(answerOf('1')).toEqual({ kind: 'answered', value: 'one' });
    expect(answerOf('2')).toEqual({ kind: 'answered', value: 'two' });
    expect(answerOf('3')).toEqual({ kind: 'missing' });
  });

  it('accepts a bare array, skips entries without an answer, flags conflicting duplicates', () => {
    const answerOf = readBatchAnswers([
      { id: '1', answer: 'a' },
      { id: '1', answer: 'a' },
      { id: '2', answer: 'b' },
      { id: '2', answer: 'c' },
      { id: '3' },
      'noise',
    ]);
    expect(answerOf('1')).toEqual({ kind: 'answered', value: 'a' });
    expect(answerOf('2')).toEqual({ kind: 'ambiguous' });
    expect(answerOf('3')).toEqual({ kind: 'missing' });
  });

  it('calls an answer without an answers array malformed', () => {
    expect(() => readBatchAnswers({ answer: 'x' })).toThrow(MalformedBatchAnswerError);
    expect(() => readBatchAnswers(null)).toThrow(/no "answers" array/);
    let caught: unknown;
    try {
      readBatchAnswers('text');
    } catch (error) {
      caught = error;
    }
    expect(MalformedBatchAnswerError.isInstance(caught)).toBe(true);
  });
});

describe('parseBatchText', () => {
  it('parses JSON and calls empty or broken text malformed, keeping the text', () => {
    expect(parseBatchText('{"answers":[]}')).toEqual({ answers: [] });
    expect(() => parseBatchText('')).toThrow(/empty/);
    expect(() => parseBatchText(null)).toThrow(/empty/);
    let caught: unknown;
    try {
      parseBatchText('{"answers":[');
    } catch (error) {
      caught = error;
    }
    expect(MalformedBatchAnswerError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ text: '{"answers":[' });
  });
});
