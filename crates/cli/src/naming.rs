//! botocore's names: a member's CLI option name (`xform_name(name, '-')`), ported exactly.

/// The CLI option name of a member: botocore's `xform_name(name, '-')`, ported exactly.
pub fn option_name(member_name: &str) -> String {
    if member_name.contains('-') {
        return member_name.to_owned();
    }
    if let Some((_, known)) = XFORM_SPECIAL_CASES.iter().find(|(name, _)| *name == member_name) {
        return (*known).to_owned();
    }
    let mut chars: Vec<char> = member_name.chars().collect();
    if let Some(matched) = pluralised_acronym(&chars) {
        // name[:-len(matched)] + sep + matched.lower()
        let keep = chars.len().saturating_sub(matched.len());
        let lowered = matched.iter().collect::<String>().to_lowercase();
        chars.truncate(keep);
        chars.push('-');
        chars.extend(lowered.chars());
    }
    let first = sub_first_cap(&chars);
    let second = sub_end_cap(&first);
    second.into_iter().collect::<String>().to_lowercase()
}

/// The match of `[A-Z]{2,}s$` searched in `chars`, if any (`$` also matches before a final `\n`).
fn pluralised_acronym(chars: &[char]) -> Option<Vec<char>> {
    let body = match chars.split_last() {
        Some((&'\n', rest)) => rest,
        _ => chars,
    };
    let (&last, before) = body.split_last()?;
    if last != 's' {
        return None;
    }
    let upper = before.iter().rev().take_while(|c| c.is_ascii_uppercase()).count();
    if upper < 2 {
        return None;
    }
    Some(body.iter().skip(body.len() - upper - 1).copied().collect())
}

/// `re.sub('(.)([A-Z][a-z]+)', r'\1-\2', name)`.
fn sub_first_cap(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len() + 4);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let upper = chars.get(i + 1).is_some_and(char::is_ascii_uppercase);
        let lowers = chars.iter().skip(i + 2).take_while(|c| c.is_ascii_lowercase()).count();
        if c != '\n' && upper && lowers > 0 {
            out.push(c);
            out.push('-');
            out.extend(chars.iter().skip(i + 1).take(1 + lowers));
            i += 2 + lowers;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `re.sub('([a-z0-9])([A-Z])', r'\1-\2', name)`.
fn sub_end_cap(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len() + 4);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        if (c.is_ascii_lowercase() || c.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_uppercase()) {
            out.push(c);
            out.push('-');
            out.extend(next);
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// botocore's `_xform_cache` entries for `-`: names its regular expressions would get wrong.
static XFORM_SPECIAL_CASES: &[(&str, &str)] = &[
    ("CreateCachediSCSIVolume", "create-cached-iscsi-volume"),
    ("DescribeCachediSCSIVolumes", "describe-cached-iscsi-volumes"),
    ("DescribeStorediSCSIVolumes", "describe-stored-iscsi-volumes"),
    ("CreateStorediSCSIVolume", "create-stored-iscsi-volume"),
    ("ListHITsForQualificationType", "list-hits-for-qualification-type"),
    ("ExecutePartiQLStatement", "execute-partiql-statement"),
    ("ExecutePartiQLTransaction", "execute-partiql-transaction"),
    ("ExecutePartiQLBatch", "execute-partiql-batch"),
    ("CreateOAuth2Token", "create-oauth2-token"),
    ("CreateOAuth2TokenWithIAM", "create-oauth2-token-with-iam"),
    ("IntrospectOAuth2TokenWithIAM", "introspect-oauth2-token-with-iam"),
    ("RevokeOAuth2TokenWithIAM", "revoke-oauth2-token-with-iam"),
    ("AssociateWhatsAppBusinessAccount", "associate-whatsapp-business-account"),
    ("CreateWhatsAppFlow", "create-whatsapp-flow"),
    ("CreateWhatsAppMessageTemplate", "create-whatsapp-message-template"),
    ("CreateWhatsAppMessageTemplateFromLibrary", "create-whatsapp-message-template-from-library"),
    ("CreateWhatsAppMessageTemplateMedia", "create-whatsapp-message-template-media"),
    ("DeleteWhatsAppFlow", "delete-whatsapp-flow"),
    ("DeleteWhatsAppMessageMedia", "delete-whatsapp-message-media"),
    ("DeleteWhatsAppMessageTemplate", "delete-whatsapp-message-template"),
    ("DeprecateWhatsAppFlow", "deprecate-whatsapp-flow"),
    ("DisassociateWhatsAppBusinessAccount", "disassociate-whatsapp-business-account"),
    ("GetLinkedWhatsAppBusinessAccount", "get-linked-whatsapp-business-account"),
    ("GetLinkedWhatsAppBusinessAccountPhoneNumber", "get-linked-whatsapp-business-account-phone-number"),
    ("GetOTelEnrichment", "get-otel-enrichment"),
    ("GetWhatsAppFlow", "get-whatsapp-flow"),
    ("GetWhatsAppFlowPreview", "get-whatsapp-flow-preview"),
    ("GetWhatsAppMessageMedia", "get-whatsapp-message-media"),
    ("GetWhatsAppMessageTemplate", "get-whatsapp-message-template"),
    ("ListLinkedWhatsAppBusinessAccounts", "list-linked-whatsapp-business-accounts"),
    ("ListWhatsAppFlowAssets", "list-whatsapp-flow-assets"),
    ("ListWhatsAppFlows", "list-whatsapp-flows"),
    ("ListWhatsAppMessageTemplates", "list-whatsapp-message-templates"),
    ("ListWhatsAppTemplateLibrary", "list-whatsapp-template-library"),
    ("PostWhatsAppMessageMedia", "post-whatsapp-message-media"),
    ("PublishWhatsAppFlow", "publish-whatsapp-flow"),
    ("PutWhatsAppBusinessAccountEventDestinations", "put-whatsapp-business-account-event-destinations"),
    ("SendWhatsAppMessage", "send-whatsapp-message"),
    ("StartOTelEnrichment", "start-otel-enrichment"),
    ("StopOTelEnrichment", "stop-otel-enrichment"),
    ("UpdateWhatsAppFlow", "update-whatsapp-flow"),
    ("UpdateWhatsAppFlowAssets", "update-whatsapp-flow-assets"),
    ("UpdateWhatsAppMessageTemplate", "update-whatsapp-message-template"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_name_is_botocores_xform_name_with_dashes() {
        // Expected names printed by awscli 1.46.3's `botocore.xform_name(name, '-')`.
        for (name, expected) in [
            ("IPAddress", "ip-address"),
            ("ARNs", "-arns"),
            ("aB", "a-b"),
            ("X1Y", "x1-y"),
            ("UTF8Thing", "utf8-thing"),
            ("ÉtéBon", "été-bon"),
            ("abcDEFGhi", "abc-def-ghi"),
            ("SMSMfaSettings", "sms-mfa-settings"),
            ("ClientId", "client-id"),
            ("UserContextData", "user-context-data"),
            ("ResendConfirmationCode", "resend-confirmation-code"),
            ("GatewayARNs", "gateway-arns"),
            ("ListWebACLs", "list-web-acls"),
            ("HTTPResponse", "http-response"),
            ("S3Key", "s3-key"),
            ("IPv6Address", "i-pv6-address"),
            ("CreateCachediSCSIVolume", "create-cached-iscsi-volume"),
            ("already-dashed", "already-dashed"),
            ("ARNs\n", "a-arns"),
            ("", ""),
        ] {
            assert_eq!(option_name(name), expected, "{name:?}");
        }
    }
}
