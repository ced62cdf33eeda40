#include "passwordhasher.h"

#include <QByteArray>
#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;
// verify() refuses stored parameters outside these bounds rather than spending minutes on them.
constexpr qint64 MinIterations = 1000;
constexpr qint64 MaxIterations = 10'000'000;
constexpr qsizetype MinKeyBytes = 16;
constexpr qsizetype MaxKeyBytes = 64;

QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations, qsizetype length)
{
    QByteArray key(length, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                                     iterations, EVP_sha256(), int(key.size()),
                                     reinterpret_cast<unsigned char *>(key.data()));
    return ok == 1 ? key : QByteArray();
}

// Strict standard base64 (the encoding hash() writes).
std::optional<QByteArray> decode(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), SaltBytes) != 1)
        qFatal("PasswordHasher: the OpenSSL random generator failed");
    const QByteArray key = derive(password.toUtf8(), salt, Iterations, KeyBytes);
    if (key.isEmpty())
        qFatal("PasswordHasher: PKCS5_PBKDF2_HMAC failed");
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(Iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool PasswordHasher::verify(const QString &password, const QString &encoded)
{
    const QList<QByteArray> parts = encoded.toLatin1().split('$');
    if (parts.size() != 4 || parts.at(0) != "pbkdf2-sha256")
        return false;
    bool ok = false;
    const qint64 iterations = parts.at(1).toLongLong(&ok);
    if (!ok || iterations < MinIterations || iterations > MaxIterations)
        return false;
    const auto salt = decode(parts.at(2));
    const auto expected = decode(parts.at(3));
    if (!salt || !expected || salt->isEmpty() || expected->size() < MinKeyBytes || expected->size() > MaxKeyBytes)
        return false;
    const QByteArray actual = derive(password.toUtf8(), *salt, int(iterations), expected->size());
    if (actual.size() != expected->size())
        return false;
    return CRYPTO_memcmp(actual.constData(), expected->constData(), size_t(actual.size())) == 0;
}

} // namespace sk::server
