package com.atlassian.jira.entity.property;

import com.atlassian.jira.event.entity.EntityPropertySetEvent;
import com.atlassian.jira.user.ApplicationUser;
import java.util.function.BiFunction;

/** Stand-in (jira-api): entity properties (JSON values) by entity name, entity id and key. */
public interface JsonEntityPropertyManager {
    EntityProperty get(String entityName, Long entityId, String key);

    void put(ApplicationUser user, String entityName, Long entityId, String key, String json,
             BiFunction<ApplicationUser, EntityProperty, ? extends EntityPropertySetEvent> eventFunction, boolean dispatchEvent);
}
