# The hotline bot worker: `docker compose up` runs several of these behind nginx (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY hotline ./hotline
RUN pip install --no-cache-dir . \
    && useradd --system --home /app hotline \
    && mkdir -p /app/var && chown hotline /app/var
USER hotline
# The local NLU model is trained into the image, so a worker starts serving at once and the
# local NLU is ready as the fallback when Rasa is away.
RUN hotline nlu train
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s CMD python -c \
    "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)"
CMD ["hotline", "serve", "--host", "0.0.0.0", "--port", "8080"]
