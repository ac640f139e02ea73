package com.giftcardimport.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvvCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void an_encrypted_cvv_decrypts_to_the_same_digits_leading_zeros_included() {
        CvvCipher cipher = new CvvCipher("", dataDir);
        byte[] stored = cipher.encrypt("007");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("007");
        assertThat(cipher.decrypt(stored)).isEqualTo("007");
    }

    @Test
    void the_same_cvv_encrypts_differently_each_time() {
        CvvCipher cipher = new CvvCipher("", dataDir);
        assertThat(cipher.encrypt("1234")).isNotEqualTo(cipher.encrypt("1234"));
    }

    @Test
    void without_a_configured_key_one_is_generated_into_the_data_directory_and_reused() throws Exception {
        byte[] stored = new CvvCipher("", dataDir).encrypt("321");
        assertThat(dataDir.resolve("cvv.key")).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(dataDir.resolve("cvv.key")).strip())).hasSize(32);
        assertThat(new CvvCipher("", dataDir).decrypt(stored)).isEqualTo("321");
    }

    @Test
    void a_configured_key_is_used_and_no_key_file_is_written() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] stored = new CvvCipher(key, dataDir).encrypt("555");
        assertThat(dataDir.resolve("cvv.key")).doesNotExist();
        assertThat(new CvvCipher(new byte[32]).decrypt(stored)).isEqualTo("555");
    }

    @Test
    void a_value_altered_or_encrypted_with_another_key_does_not_decrypt() {
        byte[] stored = new CvvCipher(new byte[32]).encrypt("555");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new CvvCipher(otherKey).decrypt(stored)).isInstanceOf(IllegalArgumentException.class);
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> new CvvCipher(new byte[32]).decrypt(stored))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_of_the_wrong_length_is_refused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new CvvCipher(shortKey, dataDir)).hasMessageContaining("32 bytes");
    }

    @Test
    void a_masked_cvv_shows_no_digit() {
        assertThat(CvvMask.of("123")).isEqualTo("***");
        assertThat(CvvMask.of("12x")).isEqualTo("***");
        assertThat(CvvMask.of("")).isEmpty();
    }

    @Test
    void a_blank_cvv_cell_shows_as_empty_because_there_is_nothing_to_hide() {
        assertThat(CvvMask.of(" \t\u00a0")).isEmpty();
        assertThat(CvvMask.of(null)).isEmpty();
    }
}
