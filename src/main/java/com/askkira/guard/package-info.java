/**
 * Checks an answer before anything is returned: each check reports what it found, and the
 * guardrail revises or replaces an answer that fails.
 */
package com.askkira.guard;
