package io.stocksense.cloud.auth.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    @Test
    void adminMayDoEverythingEvenOnResourcesNobodyListed() {
        assertThat(Permissions.allows(Set.of(Role.ADMIN), "products:delete")).isTrue();
        assertThat(Permissions.allows(Set.of(Role.ADMIN), "brand-new-thing:approve")).isTrue();
    }

    @Test
    void aResourceNobodyListedIsClosedToEveryOtherRole() {
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                assertThat(Permissions.allows(Set.of(role), "brand-new-thing:view")).as(role.id()).isFalse();
            }
        }
    }

    @Test
    void auditorViewsEveryListedResourceAndChangesNothingButItsOwnSession() {
        for (String resource : Permissions.table().keySet()) {
            assertThat(Permissions.allows(Set.of(Role.AUDITOR), resource + ":view")).as(resource).isTrue();
            for (String action : Set.of("create", "edit", "approve", "delete")) {
                assertThat(Permissions.allows(Set.of(Role.AUDITOR), resource + ":" + action))
                        .as(resource + ":" + action).isEqualTo(resource.equals(Permissions.ACCOUNT) && !action.equals("create")
                                && !action.equals("approve"));
            }
        }
    }

    @Test
    void grantsFollowTheTable() {
        assertThat(Permissions.allows(Set.of(Role.PURCHASER), "purchase-orders:create")).isTrue();
        assertThat(Permissions.allows(Set.of(Role.PURCHASER), "purchase-orders:approve")).isFalse();
        assertThat(Permissions.allows(Set.of(Role.SUPERVISOR), "purchase-orders:approve")).isTrue();
        assertThat(Permissions.allows(Set.of(Role.CASHIER), "adjustments:create")).isFalse();
        assertThat(Permissions.allows(Set.of(Role.CASHIER, Role.SUPERVISOR), "adjustments:create")).isTrue();
        assertThat(Permissions.allows(Set.of(Role.DEVICE), "observations:create")).isTrue();
        assertThat(Permissions.allows(Set.of(Role.DEVICE), "stock:view")).isFalse();
        assertThat(Permissions.allows(Set.of(Role.SUPERVISOR), "users:view")).isFalse();
        assertThat(Permissions.allows(Set.of(Role.SUPERVISOR), "nonsense")).isFalse();
    }
}
