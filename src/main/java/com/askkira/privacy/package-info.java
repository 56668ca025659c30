/**
 * Keeps personal identifiers out of what Kira writes down or sends on: a deterministic, offline
 * redactor that replaces names, phone numbers (with Google's libphonenumber), emails, social
 * handles, addresses, dates of birth and account numbers in a reader's question with readable tokens
 * ("[name]", "[phone]") so the sentence still reads and still retrieves. Depends on nothing else in
 * Kira.
 */
package com.askkira.privacy;
