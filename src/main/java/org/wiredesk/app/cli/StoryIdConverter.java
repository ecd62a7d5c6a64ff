package org.wiredesk.app.cli;

import org.wiredesk.story.StoryId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a story id argument; anything but a positive number is a usage error (exit 2), not a refusal. */
final class StoryIdConverter implements ITypeConverter<StoryId> {
    @Override
    public StoryId convert(String value) {
        try {
            return new StoryId(Long.parseLong(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("a story id is a positive number (see 'list'), not '" + value + "'");
        }
    }
}
