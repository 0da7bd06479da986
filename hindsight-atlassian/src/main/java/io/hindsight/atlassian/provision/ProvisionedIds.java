package io.hindsight.atlassian.provision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The ids Hindsight uses after provisioning; stored so that syncs need no discovery requests.
 *
 * @param fieldIds field id per {@link ProvisioningSpec.FieldSpec#key()}
 * @param flavor   the site's flavour as provisioning found it ({@code DATA_CENTER} or {@code CLOUD}), so no later run
 *                 has to ask Jira; null in a file written before it was kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionedIds(String issueTypeId, Map<String, String> fieldIds, String linkTypeName, String filterId,
                             Long boardId, String parentPageId, String flavor) {
    @JsonCreator
    public ProvisionedIds(@JsonProperty("issueTypeId") String issueTypeId, @JsonProperty("fieldIds") Map<String, String> fieldIds,
                          @JsonProperty("linkTypeName") String linkTypeName, @JsonProperty("filterId") String filterId,
                          @JsonProperty("boardId") Long boardId, @JsonProperty("parentPageId") String parentPageId,
                          @JsonProperty("flavor") String flavor) {
        this.issueTypeId = issueTypeId;
        this.fieldIds = fieldIds == null ? Map.of() : Map.copyOf(fieldIds);
        this.linkTypeName = linkTypeName;
        this.filterId = filterId;
        this.boardId = boardId;
        this.parentPageId = parentPageId;
        this.flavor = flavor;
    }

    /** Ids without the flavour (it is then asked of Jira, or given by a flag). */
    public ProvisionedIds(String issueTypeId, Map<String, String> fieldIds, String linkTypeName, String filterId, Long boardId, String parentPageId) {
        this(issueTypeId, fieldIds, linkTypeName, filterId, boardId, parentPageId, null);
    }
}
