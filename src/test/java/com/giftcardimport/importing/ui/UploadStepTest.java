package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Step 2 of the wizard tells what the user should know about the file they uploaded. */
class UploadStepTest extends KaribuTest {

    @Autowired
    ImportTestSupport support;

    TestProject project;

    @BeforeEach
    void project() {
        project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
        login(project.admin());
    }

    @Test
    void a_utf8_file_with_invalid_bytes_shows_how_many_and_the_encoding_chosen_instead() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("Номер карты;Пул;Баланс;Комментарий\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 10; i++) {
            file.writeBytes((ImportFiles.unique() + ";flex;5;Подарочная карта\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes(new byte[] {'X', ';', 'f', 'l', 'e', 'x', ';', '5', ';', (byte) 0xFF, '\n'});
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);

        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", file.toByteArray());

        UploadStep step = wizard.uploadStep;
        assertThat(step.encoding.getValue()).isNotEqualTo(StandardCharsets.UTF_8);
        assertThat(step.warnings.isVisible()).isTrue();
        assertThat(step.warnings.getChildren().map(c -> ((Paragraph) c).getText())).singleElement().asString()
                .startsWith("1 byte of the file is not valid UTF-8")
                .contains("read as " + step.encoding.getValue().name() + " instead");
    }

    @Test
    void a_valid_utf8_file_shows_no_warning() {
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);

        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", ImportFiles.utf8(
                "Card number,Pool system name,Card balance", ImportFiles.unique() + ",flex,5"));

        assertThat(wizard.uploadStep.warnings.isVisible()).isFalse();
    }

    @Test
    void in_russian_step_2_refuses_an_image_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);

        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", png);

        UploadStep step = wizard.uploadStep;
        assertThat(step.problems.isVisible()).isTrue();
        assertThat(step.problems.getElement().getTextRecursively())
                .startsWith("Этот файл нельзя импортировать:")
                .contains("Похоже, это изображение (PNG), а не файл CSV/TXT: загрузите файл подарочных карт, "
                        + "выгруженный в CSV");
        _click(wizard.next);
        assertThat(wizard.messages.lines()).singleElement().asString()
                .contains("Похоже, это изображение (PNG)").doesNotContain("image");
    }

    @Test
    void in_russian_step_2_refuses_a_file_with_a_header_and_no_rows_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);

        UploadKt._upload(wizard.uploadStep.upload, "header-only.csv", "text/csv",
                ImportFiles.utf8("Номер карты;Пул;Баланс"));

        assertThat(wizard.uploadStep.problems.getElement().getTextRecursively())
                .contains("В файле есть строка заголовков, но нет строк с данными: импортировать нечего");
    }

    @Test
    void in_russian_step_2_names_the_fields_a_file_can_fill_and_says_what_each_holds_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);

        assertThat(GridKt._getFormattedRow(wizard.uploadStep.fieldsBox.fields, 0)).containsExactly("Номер карты",
                "Обязательное", "Уникальный номер подарочной карты: от 1 до 64 букв, цифр или «-». Не повторяется в "
                        + "пределах проекта.");
    }
}
