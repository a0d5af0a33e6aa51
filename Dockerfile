# One dashboard replica (not built or run in this repository's CI; see docs/deployment.md).
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# The replica only reads the data and writes nothing (COMPLIANCE_READ_ONLY). The shipped data is in the image;
# to serve a bucket instead, set COMPLIANCE_DATA=s3://bucket/prefix and the AWS_* variables at run time, and
# publish releases to it with `python -m compliance publish` (docs/deployment.md).
ENV COMPLIANCE_DATA=/app/data COMPLIANCE_READ_ONLY=1
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "compliance.server", "--server.port", "8501", "--server.address", "0.0.0.0"]
