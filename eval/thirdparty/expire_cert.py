"""Re-issue a certificate so that it has expired, keeping everything else the same.

usage: expire_cert.py CERT [--signer-cert CA.pem --signer-key CA.key] [--key KEY]

The certificate at CERT is rewritten in place with notBefore=2015-01-01 and notAfter=2020-01-01
(subject, public key and extensions unchanged). It is signed with the signer's key when given
(a leaf issued by a CA whose key the suite ships), otherwise self-signed with --key.
Used by the "expired-cert" set-ups of make_thirdparty.sh.
"""
import argparse
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

ap = argparse.ArgumentParser()
ap.add_argument("cert")
ap.add_argument("--key", help="private key of CERT (self-signed)")
ap.add_argument("--signer-cert")
ap.add_argument("--signer-key")
a = ap.parse_args()

with open(a.cert, "rb") as f:
    data = f.read()
certs = x509.load_pem_x509_certificates(data)
cert = certs[0]
if a.signer_key:
    signer_key = serialization.load_pem_private_key(open(a.signer_key, "rb").read(), None)
    issuer = x509.load_pem_x509_certificate(open(a.signer_cert, "rb").read()).subject
else:
    signer_key = serialization.load_pem_private_key(open(a.key, "rb").read(), None)
    issuer = cert.issuer

b = (
    x509.CertificateBuilder()
    .subject_name(cert.subject)
    .issuer_name(issuer)
    .public_key(cert.public_key())
    .serial_number(x509.random_serial_number())
    .not_valid_before(datetime.datetime(2015, 1, 1))
    .not_valid_after(datetime.datetime(2020, 1, 1))
)
for ext in cert.extensions:
    if ext.oid in (x509.oid.ExtensionOID.AUTHORITY_KEY_IDENTIFIER,):
        continue
    b = b.add_extension(ext.value, ext.critical)
new = b.sign(signer_key, hashes.SHA256())
out = new.public_bytes(serialization.Encoding.PEM)
# keep any chain that followed the leaf in the same file
for c in certs[1:]:
    out += c.public_bytes(serialization.Encoding.PEM)
with open(a.cert, "wb") as f:
    f.write(out)
print(f"{a.cert}: notAfter={new.not_valid_after_utc:%Y-%m-%d}")
