/**
 * Kira through OpenAI's chat-completions protocol, so any OpenAI client library, chat UI or agent
 * framework uses it unchanged (api-v1.md, "OpenAI-compatible chat completions"). It adds no
 * behaviour: {@link com.askkira.openai.ChatTranslator} reads the conversation as an {@link
 * com.askkira.pipeline.AnswerRequest} (the last user message is the question, a system message is
 * dropped, never obeyed), {@link com.askkira.openai.OpenAiChat} runs it through the same {@link
 * com.askkira.pipeline.AnswerService} as {@code POST /v1/answers}, and the answer comes back as a
 * {@code chat.completion} or as {@code chat.completion.chunk}s of the guarded sentences. Knows
 * nothing of HTTP: the routes are in {@code com.askkira.http}.
 */
package com.askkira.openai;
