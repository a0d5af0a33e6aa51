# One dashboard replica (not built or run in this repository's CI; see docs/deployment.md).
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# The replica only reads the data: a data release is published by building it elsewhere and copying it in.
ENV COMPLIANCE_DATA=/app/data
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "compliance.server", "--server.port", "8501", "--server.address", "0.0.0.0"]
