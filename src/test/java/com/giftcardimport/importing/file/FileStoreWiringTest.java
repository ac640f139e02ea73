package com.giftcardimport.importing.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.project.ProjectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.unit.DataSize;

@SpringBootTest
@ActiveProfiles("test")
class FileStoreWiringTest {

    @Autowired
    FileStore store;
    @Autowired
    FileSniffer sniffer;
    @Autowired
    AutoMapper mapper;
    @Autowired
    ReadLimits limits;
    @Value("${app.data-dir}")
    Path dataDir;

    @Test
    void the_beans_come_configured_with_the_defaults_and_files_land_under_the_data_directory() throws IOException {
        assertThat(store.maxBytes()).isEqualTo(DataSize.ofGigabytes(2).toBytes());
        assertThat(limits).isEqualTo(ReadLimits.defaults());
        ProjectId project = ProjectId.of(987_654);
        StoredFile stored = store.store(project, "cards.csv", new ByteArrayInputStream(
                "Номер карты;Пул;Баланс\r\nA1;flex;10,50\r\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(dataDir.resolve("uploads").resolve(Long.toString(project.value())).resolve(stored.id()))
                    .exists();
            SniffResult sniff = sniffer.sniff(store.file(project, stored.id()));
            assertThat(sniff.detected().delimiter()).isEqualTo(';');
            assertThat(mapper.suggest(project, sniff.headers(), sniff.sampleRows()).mapping().problems()).isEmpty();
        } finally {
            store.delete(project, stored.id());
        }
    }
}
