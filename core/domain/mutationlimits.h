#pragma once

#include "domain/jsonreader.h"

// The sync contract's limits on mutation arguments (server/openapi.yaml, the *Args schemas):
// enforced by the reference server, and checked by the client before an edit is queued, so an
// edit the server would certainly refuse is refused at once, naming the field.
namespace sk::MutationLimits {

inline constexpr qint64 MaxInteger = JsonReader::kMaxInteger;
inline constexpr qsizetype NameLength = 255;   // titles, names, references
inline constexpr qsizetype NoteLength = 5000;  // notes, reasons, messages
inline constexpr qsizetype VariantsPerCreate = 250;
inline constexpr qsizetype LinesPerCommand = 1000;

} // namespace sk::MutationLimits
