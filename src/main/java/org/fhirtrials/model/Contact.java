package org.fhirtrials.model;

/**
 * A central or site contact.
 *
 * @param name person or office
 * @param role registry role (CONTACT, PRINCIPAL_INVESTIGATOR, SUB_INVESTIGATOR, STUDY_CHAIR...) or
 *     null
 * @param phone phone
 * @param phoneExt extension
 * @param email e-mail
 */
public record Contact(String name, String role, String phone, String phoneExt, String email) {}
