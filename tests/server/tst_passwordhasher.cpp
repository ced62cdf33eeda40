// PasswordHasher: PBKDF2-HMAC-SHA256 at OWASP's iteration count, salted, constant-time verify.
// Each hash costs about 0.3 s by design, so this test makes only a few.

#include "auth/passwordhasher.h"

#include <QRegularExpression>
#include <QTest>

using namespace sk::server;
using namespace Qt::StringLiterals;

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void verifiesTheRightPasswordOnly()
    {
        const QString encoded = PasswordHasher::hash(u"correct horse battery"_s);
        QVERIFY(PasswordHasher::verify(u"correct horse battery"_s, encoded));
        QVERIFY(!PasswordHasher::verify(u"correct horse battery "_s, encoded));
        QVERIFY(!PasswordHasher::verify(u"Correct horse battery"_s, encoded));
        QVERIFY(!PasswordHasher::verify(QString(), encoded));
    }

    void encodingShapeAndParameters()
    {
        const QString password = u"pässwörd ✓"_s;
        const QString first = PasswordHasher::hash(password);
        const QString second = PasswordHasher::hash(password);

        static const QRegularExpression shape(
            u"^pbkdf2-sha256\\$(\\d+)\\$([A-Za-z0-9+/]{22}==)\\$([A-Za-z0-9+/]{43}=)$"_s);
        const auto m1 = shape.match(first);
        QVERIFY2(m1.hasMatch(), qPrintable(first));
        QVERIFY(m1.captured(1).toInt() >= 600000);
        QCOMPARE(m1.captured(1).toInt(), PasswordHasher::Iterations);
        QCOMPARE(QByteArray::fromBase64(m1.captured(2).toLatin1()).size(), 16); // salt
        QCOMPARE(QByteArray::fromBase64(m1.captured(3).toLatin1()).size(), 32); // key
        QVERIFY2(!first.contains(password), "the password must not appear in its hash");

        // A fresh random salt each time, so equal passwords do not give equal hashes.
        const auto m2 = shape.match(second);
        QVERIFY(m2.hasMatch());
        QVERIFY(m1.captured(2) != m2.captured(2));
        QVERIFY(first != second);
        QVERIFY(PasswordHasher::verify(password, second));
    }

    void verifiesAKnownAnswer()
    {
        // RFC 7914 / draft PBKDF2-HMAC-SHA256 test vector: P="password", S="salt", c=4096, dkLen=32.
        // A stored hash made with another iteration count still verifies.
        const QByteArray key = QByteArray::fromHex("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        const QString encoded = u"pbkdf2-sha256$4096$%1$%2"_s.arg(QString::fromLatin1(QByteArray("salt").toBase64()),
                                                                   QString::fromLatin1(key.toBase64()));
        QVERIFY(PasswordHasher::verify(u"password"_s, encoded));
        QVERIFY(!PasswordHasher::verify(u"passwore"_s, encoded));
    }

    void refusesMalformedEncodings()
    {
        const QString salt = QString::fromLatin1(QByteArray("saltsaltsaltsalt").toBase64());
        const QString key = QString::fromLatin1(QByteArray(32, 'k').toBase64());
        const QStringList bad{
            QString(),
            u"password"_s,
            u"pbkdf2-sha256$4096$%1"_s.arg(salt),                       // no key
            u"pbkdf2-sha1$4096$%1$%2"_s.arg(salt, key),                 // other algorithm
            u"pbkdf2-sha256$abc$%1$%2"_s.arg(salt, key),                // iterations not a number
            u"pbkdf2-sha256$10$%1$%2"_s.arg(salt, key),                 // absurdly few iterations
            u"pbkdf2-sha256$999999999$%1$%2"_s.arg(salt, key),          // absurdly many (a slow-down attack)
            u"pbkdf2-sha256$4096$***$%1"_s.arg(key),                    // salt not base64
            u"pbkdf2-sha256$4096$%1$%2"_s.arg(salt, u"a2V5"_s),         // key too short
            u"pbkdf2-sha256$4096$%1$%2$x"_s.arg(salt, key),             // extra part
        };
        for (const QString &encoded : bad)
            QVERIFY2(!PasswordHasher::verify(u"password"_s, encoded), qPrintable(encoded));
    }
};

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
