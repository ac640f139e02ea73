package com.giftcardimport.security.ui;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.UserAccount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a person: the display name, whether they are a platform admin, and their role in each project they belong
 * to. The user name, with which they log in, does not change. Errors show beside their field.
 */
final class UserDialog extends Dialog {

    final TextField displayName = new TextField(getTranslation("admin.user.displayName"));
    final Checkbox platformAdmin = new Checkbox(getTranslation("admin.user.platformAdmin"));
    final Span platformAdminError = FieldErrors.line();
    final Map<Membership, Select<ProjectRole>> roles = new LinkedHashMap<>();
    final Button save = new Button(getTranslation("admin.save"));
    private final FieldErrors errors = new FieldErrors().field("displayName", displayName)
            .field("platformAdmin", platformAdminError);

    UserDialog(AdministrationService admin, UserAccount user, List<Membership> memberships, Runnable saved) {
        setHeaderTitle(getTranslation("admin.user.editTitle", user.username()));
        displayName.setValue(user.displayName());
        displayName.setMaxLength(200);
        displayName.setRequiredIndicatorVisible(true);
        platformAdmin.setValue(user.platformAdmin());
        FormLayout form = new FormLayout(displayName, platformAdmin, platformAdminError);
        for (Membership membership : memberships) {
            Select<ProjectRole> role = new Select<>();
            role.setLabel(getTranslation("admin.user.roleIn", membership.projectName()));
            role.setItems(ProjectRole.values());
            role.setItemLabelGenerator(r -> getTranslation("admin.role." + r.name()));
            role.setValue(membership.role());
            roles.put(membership, role);
            form.add(role);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, errors.other);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            boolean done = errors.run(() -> {
                admin.updateUser(user.id(), displayName.getValue(), platformAdmin.getValue());
                roles.forEach((membership, role) -> {
                    if (role.getValue() != membership.role()) {
                        admin.putMembership(membership.projectId(), user.id(), role.getValue());
                    }
                });
            });
            if (done) {
                close();
                saved.run();
            }
        });
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
