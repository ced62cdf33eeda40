#pragma once

#include <QString>

namespace sk::server {

// PBKDF2-HMAC-SHA256 through OpenSSL at OWASP's 2023 parameters (600,000 iterations, 16-byte
// random salt, 32-byte key), encoded "pbkdf2-sha256$<iterations>$<salt b64>$<key b64>".
// verify() compares in constant time and also accepts hashes made with other iteration counts.
class PasswordHasher
{
public:
    static constexpr int Iterations = 600000;

    static QString hash(const QString &password);
    static bool verify(const QString &password, const QString &encoded);
};

} // namespace sk::server
