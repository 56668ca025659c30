/**
 * Reading a message written in Spanish with Kira's English screens and library: telling Spanish
 * from English, and glossing Spanish into English phrase by phrase from a bilingual map a writer
 * can extend ({@code language/es-en.txt}). Depends on nothing else of Kira.
 */
package com.askkira.language;
