package org.mailmigrator.batch.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a member or the elements out of the JSON the product writes (objects, arrays, strings, numbers): enough
 * to compare two reports part by part without a JSON library in the test platform.
 */
final class Json {
    private Json() {
    }

    /** The text of the value of the first member named {@code key} at the top level of an object. */
    static String member(String json, String key) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                String name = json.substring(i + 1, end);
                int colon = skipSpaces(json, end + 1);
                if (depth == 1 && name.equals(key) && colon < json.length() && json.charAt(colon) == ':') {
                    int start = skipSpaces(json, colon + 1);
                    return json.substring(start, endOfValue(json, start));
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        throw new AssertionError("no member '" + key + "' in " + json);
    }

    /** The texts of the elements of an array. */
    static List<String> elements(String array) {
        List<String> out = new ArrayList<>();
        int i = skipSpaces(array, 1);
        while (i < array.length() && array.charAt(i) != ']') {
            int end = endOfValue(array, i);
            out.add(array.substring(i, end));
            i = skipSpaces(array, end);
            if (i < array.length() && array.charAt(i) == ',') {
                i = skipSpaces(array, i + 1);
            }
        }
        return out;
    }

    private static int endOfValue(String json, int start) {
        char first = json.charAt(start);
        if (first == '"') {
            return endOfString(json, start) + 1;
        }
        if (first != '{' && first != '[') {
            int i = start;
            while (i < json.length() && ",}] \n".indexOf(json.charAt(i)) < 0) {
                i++;
            }
            return i;
        }
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                i = endOfString(json, i);
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("unbalanced JSON: " + json);
    }

    private static int endOfString(String json, int quote) {
        for (int i = quote + 1; i < json.length(); i++) {
            if (json.charAt(i) == '\\') {
                i++;
            } else if (json.charAt(i) == '"') {
                return i;
            }
        }
        throw new AssertionError("unterminated string in " + json);
    }

    private static int skipSpaces(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
