package com.giftcardimport.base.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, each with its line, the name of the call it is an argument of (or empty)
 * and whether it sits in an annotation. Comments, char literals and text blocks are understood; the insides of
 * literals and comments are masked so that parentheses in them do not count.
 */
final class JavaLiterals {

    record Literal(String value, int line, String call, boolean inAnnotation) {
    }

    private JavaLiterals() {
    }

    static List<Literal> read(String source) {
        char[] masked = source.toCharArray();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < masked.length) {
            char c = source.charAt(i);
            if (c == '/' && next(source, i) == '/') {
                int end = source.indexOf('\n', i);
                i = mask(masked, i, end < 0 ? masked.length : end);
            } else if (c == '/' && next(source, i) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = mask(masked, i, end < 0 ? masked.length : end + 2);
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                spans.add(new int[] {i, end + 3});
                i = mask(masked, i + 3, end) + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < masked.length && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    spans.add(new int[] {i, end + 1});
                }
                i = mask(masked, i + 1, end) + 1;
            } else {
                i++;
            }
        }
        String code = new String(masked);
        List<Literal> literals = new ArrayList<>();
        for (int[] span : spans) {
            String[] call = enclosingCall(code, span[0]);
            literals.add(new Literal(unescape(source.substring(span[0], span[1])), line(source, span[0]), call[0],
                    "@".equals(call[1])));
        }
        return literals;
    }

    /** The name of the call whose parentheses hold {@code position}, and "@" when it is an annotation. */
    private static String[] enclosingCall(String code, int position) {
        int depth = 0;
        for (int i = position - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                int end = i;
                while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
                    end--;
                }
                int start = end;
                while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
                    start--;
                }
                String before = start > 0 ? String.valueOf(code.charAt(start - 1)) : "";
                return new String[] {code.substring(start, end), before};
            } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
                break;
            }
        }
        return new String[] {"", ""};
    }

    private static String unescape(String literal) {
        String body = literal.startsWith("\"\"\"") ? literal.substring(3, literal.length() - 3)
                : literal.substring(1, literal.length() - 1);
        return body.translateEscapes();
    }

    private static int mask(char[] masked, int from, int to) {
        for (int i = from; i < to && i < masked.length; i++) {
            if (masked[i] != '\n') {
                masked[i] = ' ';
            }
        }
        return to;
    }

    private static char next(String source, int i) {
        return i + 1 < source.length() ? source.charAt(i + 1) : 0;
    }

    private static int line(String source, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
