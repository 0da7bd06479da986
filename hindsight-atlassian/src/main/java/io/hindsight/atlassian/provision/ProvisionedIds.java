package io.hindsight.atlassian.provision;

import java.util.Map;

/**
 * The ids Hindsight uses after provisioning; stored so that syncs need no discovery requests.
 *
 * @param fieldIds field id per {@link ProvisioningSpec.FieldSpec#key()}
 */
public record ProvisionedIds(String issueTypeId, Map<String, String> fieldIds, String linkTypeName, String filterId,
                             Long boardId, String parentPageId) {
    public ProvisionedIds {
        fieldIds = Map.copyOf(fieldIds);
    }
}
